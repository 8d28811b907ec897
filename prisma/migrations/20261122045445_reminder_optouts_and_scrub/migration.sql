-- CreateTable
CREATE TABLE "reminder_optouts" (
    "round_id" TEXT NOT NULL,
    "person_hash" TEXT NOT NULL,

    CONSTRAINT "reminder_optouts_pkey" PRIMARY KEY ("round_id","person_hash")
);

-- Rounds closed before the close rewrote its rows: rewrite them now as a close does (random
-- order, fresh ids, one writing transaction, the close day instead of the answer day), and drop
-- their participation codes. DESIGN.md §3 rule 10; docs/PRIVACY.md.
WITH closed AS (SELECT id, closed_at FROM rounds WHERE status = 'closed'),
map AS (SELECT s.id AS old_id, gen_random_uuid()::text AS new_id FROM submissions s JOIN closed c ON c.id = s.round_id),
gone_answers AS (
  DELETE FROM answers a USING closed c WHERE a.round_id = c.id
  RETURNING a.submission_id, a.round_id, a.item_key, a.value, a.level),
new_answers AS (
  INSERT INTO answers (id, submission_id, round_id, item_key, value, level)
  SELECT gen_random_uuid()::text, map.new_id, g.round_id, g.item_key, g.value, g.level
  FROM gone_answers g JOIN map ON map.old_id = g.submission_id ORDER BY random()
  RETURNING 1),
gone_submissions AS (
  DELETE FROM submissions s USING closed c WHERE s.round_id = c.id
  RETURNING s.id, s.round_id, s.organisation, c.closed_at)
INSERT INTO submissions (id, round_id, organisation, submitted_on)
SELECT map.new_id, g.round_id, g.organisation, COALESCE((g.closed_at AT TIME ZONE 'UTC')::date, CURRENT_DATE)
FROM gone_submissions g JOIN map ON map.old_id = g.id ORDER BY random();

WITH gone AS (
  DELETE FROM comments m USING rounds r WHERE m.round_id = r.id AND r.status = 'closed'
  RETURNING m.round_id, m.item_key, m.organisation, m.text, r.closed_at)
INSERT INTO comments (id, round_id, item_key, organisation, text, submitted_on)
SELECT gen_random_uuid()::text, round_id, item_key, organisation, text, COALESCE((closed_at AT TIME ZONE 'UTC')::date, CURRENT_DATE)
FROM gone ORDER BY random();

DELETE FROM participations p USING rounds r WHERE p.round_id = r.id AND r.status = 'closed';

-- Member rows and Teams conversation references were written at people's clicks (first contact,
-- name refreshes, the activity id of every message): rewrite them in random order, keeping only
-- the stable parts of each reference.
WITH gone AS (DELETE FROM members RETURNING *)
INSERT INTO members SELECT * FROM gone ORDER BY random();

WITH gone AS (DELETE FROM conversation_references RETURNING id, workspace_id, kind, key, reference)
INSERT INTO conversation_references (id, workspace_id, kind, key, reference)
SELECT id, workspace_id, kind, key, reference - 'activityId' - 'locale' FROM gone ORDER BY random();
