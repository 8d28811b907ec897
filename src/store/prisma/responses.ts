import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { PulseAggregates, QuestionAggregate, ResponseStore } from "../types.ts";

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));

/** Answer counts per item and value/level, the common form of every aggregate. */
interface Cells {
  respondents: number;
  cells: { itemKey: string; value: number | null; level: string | null; count: number }[];
}

/**
 * Counts of many rounds: closed rounds read the counts stored at close (round_aggregates); open
 * rounds are counted from their answers. Either way the grouping happens in SQL.
 */
async function cellsOf(prisma: PrismaClient, roundIds: string[]): Promise<Map<string, Cells>> {
  const out = new Map<string, Cells>(roundIds.map((id) => [id, { respondents: 0, cells: [] }]));
  if (roundIds.length === 0) return out;
  const rounds = await prisma.$queryRaw<{ id: string; respondents: number | null }[]>`SELECT id, respondents FROM rounds WHERE id = ANY(${roundIds}::text[])`;
  const stored = rounds.filter((r) => r.respondents !== null).map((r) => r.id);
  const live = roundIds.filter((id) => !stored.includes(id));
  for (const r of rounds) if (r.respondents !== null) out.get(r.id)!.respondents = Number(r.respondents);
  type CellRow = { round_id: string; item_key: string; value: number | null; level: string | null; n: unknown };
  const [storedRows, liveRows, liveRespondents] = await Promise.all([
    stored.length
      ? prisma.$queryRaw<CellRow[]>`SELECT round_id, item_key, value, level, count AS n FROM round_aggregates WHERE round_id = ANY(${stored}::text[])`
      : Promise.resolve([]),
    live.length
      ? prisma.$queryRaw<
          CellRow[]
        >`SELECT round_id, item_key, value, level, count(*) AS n FROM answers WHERE round_id = ANY(${live}::text[]) GROUP BY round_id, item_key, value, level`
      : Promise.resolve([]),
    live.length
      ? prisma.$queryRaw<{ round_id: string; n: unknown }[]>`SELECT round_id, count(*) AS n FROM submissions WHERE round_id = ANY(${live}::text[]) GROUP BY round_id`
      : Promise.resolve([]),
  ]);
  for (const r of liveRespondents) out.get(r.round_id)!.respondents = num(r.n);
  for (const r of [...storedRows, ...liveRows])
    out.get(r.round_id)!.cells.push({ itemKey: r.item_key, value: r.value === null ? null : Number(r.value), level: r.level, count: num(r.n) });
  return out;
}

function toPulse(c: Cells): PulseAggregates {
  const byItem = new Map<string, QuestionAggregate & { sum: number }>();
  for (const cell of c.cells) {
    const q = byItem.get(cell.itemKey) ?? { itemKey: cell.itemKey, answered: 0, preferNot: 0, notApplicable: 0, mean: null, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, sum: 0 };
    if (cell.value === null && cell.level === "na") q.notApplicable += cell.count;
    else if (cell.value === null) q.preferNot += cell.count;
    else {
      q.answered += cell.count;
      q.sum += cell.value * cell.count;
      q.counts[cell.value] = (q.counts[cell.value] ?? 0) + cell.count;
    }
    byItem.set(cell.itemKey, q);
  }
  return {
    respondents: c.respondents,
    questions: [...byItem.values()].map(({ sum, ...q }) => ({ ...q, mean: q.answered ? sum / q.answered : null })),
  };
}

const toRubric = (c: Cells) => ({ respondents: c.respondents, cells: c.cells.map((x) => ({ itemKey: x.itemKey, level: x.level, count: x.count })) });

export function createResponseStore(prisma: PrismaClient, ids: Ids): ResponseStore {
  return {
    async recordParticipation(roundId, personHash) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO participations (round_id, person_hash) VALUES (${roundId}, ${personHash}) ON CONFLICT DO NOTHING`;
      return inserted > 0;
    },
    async removeParticipation(roundId, personHash) {
      await prisma.participation.deleteMany({ where: { roundId, personHash } });
    },
    async hasParticipated(roundId, personHash) {
      return (await prisma.participation.count({ where: { roundId, personHash } })) > 0;
    },
    async participationCount(roundId) {
      return prisma.participation.count({ where: { roundId } });
    },
    async participationHashes(roundId) {
      return new Set((await prisma.participation.findMany({ where: { roundId }, select: { personHash: true } })).map((p) => p.personHash));
    },
    async optOutOfReminders(roundId, personHash) {
      await prisma.$executeRaw`INSERT INTO reminder_optouts (round_id, person_hash) VALUES (${roundId}, ${personHash}) ON CONFLICT DO NOTHING`;
    },
    async reminderOptOuts(roundId) {
      return new Set((await prisma.reminderOptOut.findMany({ where: { roundId }, select: { personHash: true } })).map((r) => r.personHash));
    },
    async submit(roundId, input) {
      const submissionId = ids.uuid();
      await prisma.$transaction([
        prisma.submission.create({ data: { id: submissionId, roundId, organisation: input.organisation ?? null, side: input.side ?? null, submittedOn: input.submittedOn } }),
        prisma.answer.createMany({
          data: input.answers.map((a) => ({ id: ids.uuid(), submissionId, roundId, itemKey: a.itemKey, value: a.value ?? null, level: a.level ?? null })),
        }),
      ]);
    },
    async addComment(roundId, input) {
      await prisma.comment.create({
        data: { id: ids.uuid(), roundId, itemKey: input.itemKey, text: input.text, organisation: input.organisation ?? null, submittedOn: input.submittedOn },
      });
    },
    async submissionCount(roundId) {
      return prisma.submission.count({ where: { roundId } });
    },
    async countBefore(roundId, day) {
      return prisma.submission.count({ where: { roundId, submittedOn: { lt: day } } });
    },
    async pulseAggregates(roundId): Promise<PulseAggregates> {
      return toPulse((await cellsOf(prisma, [roundId])).get(roundId)!);
    },
    async pulseAggregatesMany(roundIds) {
      return new Map([...(await cellsOf(prisma, roundIds))].map(([id, c]) => [id, toPulse(c)]));
    },
    async rubricDistributionMany(roundIds) {
      return new Map([...(await cellsOf(prisma, roundIds))].map(([id, c]) => [id, toRubric(c)]));
    },
    async rubricDistribution(roundId) {
      return toRubric((await cellsOf(prisma, [roundId])).get(roundId)!);
    },
    async rubricByOrganisation(roundId) {
      const rows = await prisma.$queryRaw<{ organisation: string; item_key: string; level: string | null }[]>`
        SELECT s.organisation, a.item_key, a.level FROM answers a JOIN submissions s ON s.id = a.submission_id
        WHERE a.round_id = ${roundId} AND s.organisation IS NOT NULL ORDER BY s.organisation, a.item_key`;
      return rows.map((r) => ({ organisation: r.organisation, itemKey: r.item_key, level: r.level }));
    },
    async organisationSubmitted(roundId, organisation) {
      return (await prisma.submission.count({ where: { roundId, organisation } })) > 0;
    },
    async segmentCells(roundId) {
      const [groups, cells] = await Promise.all([
        prisma.$queryRaw<{ side: string | null; organisation: string | null; n: unknown }[]>`
          SELECT side, organisation, count(*) AS n FROM submissions WHERE round_id = ${roundId} GROUP BY side, organisation`,
        prisma.$queryRaw<{ side: string | null; organisation: string | null; item_key: string; value: number | null; level: string | null; n: unknown }[]>`
          SELECT s.side, s.organisation, a.item_key, a.value, a.level, count(*) AS n
          FROM answers a JOIN submissions s ON s.id = a.submission_id
          WHERE a.round_id = ${roundId}
          GROUP BY s.side, s.organisation, a.item_key, a.value, a.level`,
      ]);
      const side = (s: string | null) => (s === "host" || s === "partner" ? s : null);
      return {
        groups: groups.map((g) => ({ side: side(g.side), organisation: g.organisation, respondents: num(g.n) })),
        cells: cells.map((c) => ({
          side: side(c.side),
          organisation: c.organisation,
          itemKey: c.item_key,
          value: c.value === null ? null : Number(c.value),
          level: c.level,
          count: num(c.n),
        })),
      };
    },
    async comments(roundId) {
      const rows = await prisma.comment.findMany({ where: { roundId }, select: { itemKey: true, text: true, organisation: true } });
      return rows.map((r) => ({ itemKey: r.itemKey, text: r.text, organisation: r.organisation }));
    },
  };
}
