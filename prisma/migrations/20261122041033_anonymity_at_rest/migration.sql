-- Anonymity at rest (DESIGN.md §3 rules 10–13).

-- Workspace settings: how many people must write a comment before any is shown, and how long a
-- round stays open before it can be closed by hand.
ALTER TABLE "workspaces" ADD COLUMN     "min_commenters" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "min_open_hours" INTEGER NOT NULL DEFAULT 48;

-- Members keep the day they became known, never the moment of an action.
ALTER TABLE "members" ADD COLUMN     "created_on" DATE NOT NULL DEFAULT CURRENT_DATE;
UPDATE "members" SET "created_on" = ("created_at" AT TIME ZONE 'UTC')::date;
ALTER TABLE "members" DROP COLUMN "created_at",
DROP COLUMN "updated_at";

ALTER TABLE "conversation_references" DROP COLUMN "updated_at";

-- Rounds carry the thresholds their invitations promised; existing rounds keep the workspace's
-- current values (the highest of which a later change could only raise).
ALTER TABLE "rounds" ADD COLUMN     "comment_threshold" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "min_commenters" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "min_open_hours" INTEGER NOT NULL DEFAULT 48,
ADD COLUMN     "threshold" INTEGER NOT NULL DEFAULT 5;
UPDATE "rounds" r SET "threshold" = GREATEST(w."threshold", 3), "comment_threshold" = GREATEST(w."comment_threshold", 3)
FROM "workspaces" w WHERE w."id" = r."workspace_id";

-- Replies to one person are deleted once delivered.
ALTER TABLE "outbox" ADD COLUMN     "transient" BOOLEAN NOT NULL DEFAULT false;
-- Delivered or dead replies, message updates (a submission's thank-you) and App Home views are
-- per-person traces with exact times: they go now.
DELETE FROM "outbox" WHERE "status" IN ('sent', 'dead')
  AND ("dedupe_key" LIKE 'reply:%' OR "dedupe_key" LIKE 'update:%' OR "dedupe_key" LIKE 'home:%');

-- Processed events: a hash of the event id and the day only. The old rows (exact times, clear
-- ids) are dropped; they only guarded against retries of the last minutes.
DELETE FROM "processed_events";
ALTER TABLE "processed_events" DROP CONSTRAINT "processed_events_pkey",
DROP COLUMN "event_id",
DROP COLUMN "received_at",
ADD COLUMN     "event_hash" TEXT NOT NULL,
ADD COLUMN     "received_on" DATE NOT NULL,
ADD CONSTRAINT "processed_events_pkey" PRIMARY KEY ("platform", "event_hash");
