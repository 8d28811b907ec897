import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { PulseAggregates, ResponseStore } from "../types.ts";

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));
const maybe = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

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
    async submit(roundId, input) {
      const submissionId = ids.uuid();
      await prisma.$transaction([
        prisma.submission.create({ data: { id: submissionId, roundId, organisation: input.organisation ?? null, submittedOn: input.submittedOn } }),
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
    async pulseAggregates(roundId): Promise<PulseAggregates> {
      const [respondentRows, questionRows] = await Promise.all([
        prisma.$queryRaw<{ n: unknown }[]>`SELECT count(*) AS n FROM submissions WHERE round_id = ${roundId}`,
        prisma.$queryRaw<Record<string, unknown>[]>`
          SELECT item_key,
                 count(*) FILTER (WHERE value IS NOT NULL) AS answered,
                 count(*) FILTER (WHERE value IS NULL) AS prefer_not,
                 avg(value)::float8 AS mean,
                 count(*) FILTER (WHERE value = 1) AS c1, count(*) FILTER (WHERE value = 2) AS c2,
                 count(*) FILTER (WHERE value = 3) AS c3, count(*) FILTER (WHERE value = 4) AS c4,
                 count(*) FILTER (WHERE value = 5) AS c5
          FROM answers WHERE round_id = ${roundId} GROUP BY item_key`,
      ]);
      return {
        respondents: num(respondentRows[0]?.n),
        questions: questionRows.map((r) => ({
          itemKey: String(r.item_key),
          answered: num(r.answered),
          preferNot: num(r.prefer_not),
          mean: maybe(r.mean),
          counts: { 1: num(r.c1), 2: num(r.c2), 3: num(r.c3), 4: num(r.c4), 5: num(r.c5) },
        })),
      };
    },
    async pulseAggregatesMany(roundIds) {
      const out = new Map<string, PulseAggregates>(roundIds.map((id) => [id, { respondents: 0, questions: [] }]));
      if (roundIds.length === 0) return out;
      const [respondentRows, questionRows] = await Promise.all([
        prisma.$queryRaw<{ round_id: string; n: unknown }[]>`SELECT round_id, count(*) AS n FROM submissions WHERE round_id = ANY(${roundIds}::text[]) GROUP BY round_id`,
        prisma.$queryRaw<Record<string, unknown>[]>`
          SELECT round_id, item_key,
                 count(*) FILTER (WHERE value IS NOT NULL) AS answered,
                 count(*) FILTER (WHERE value IS NULL) AS prefer_not,
                 avg(value)::float8 AS mean,
                 count(*) FILTER (WHERE value = 1) AS c1, count(*) FILTER (WHERE value = 2) AS c2,
                 count(*) FILTER (WHERE value = 3) AS c3, count(*) FILTER (WHERE value = 4) AS c4,
                 count(*) FILTER (WHERE value = 5) AS c5
          FROM answers WHERE round_id = ANY(${roundIds}::text[]) GROUP BY round_id, item_key`,
      ]);
      for (const r of respondentRows) out.get(r.round_id)!.respondents = num(r.n);
      for (const r of questionRows) {
        out.get(String(r.round_id))!.questions.push({
          itemKey: String(r.item_key),
          answered: num(r.answered),
          preferNot: num(r.prefer_not),
          mean: maybe(r.mean),
          counts: { 1: num(r.c1), 2: num(r.c2), 3: num(r.c3), 4: num(r.c4), 5: num(r.c5) },
        });
      }
      return out;
    },
    async rubricDistributionMany(roundIds) {
      const out = new Map<string, { respondents: number; cells: { itemKey: string; level: string | null; count: number }[] }>(roundIds.map((id) => [id, { respondents: 0, cells: [] }]));
      if (roundIds.length === 0) return out;
      const [respondentRows, rows] = await Promise.all([
        prisma.$queryRaw<{ round_id: string; n: unknown }[]>`SELECT round_id, count(*) AS n FROM submissions WHERE round_id = ANY(${roundIds}::text[]) GROUP BY round_id`,
        prisma.$queryRaw<{ round_id: string; item_key: string; level: string | null; n: unknown }[]>`
          SELECT round_id, item_key, level, count(*) AS n FROM answers WHERE round_id = ANY(${roundIds}::text[]) GROUP BY round_id, item_key, level`,
      ]);
      for (const r of respondentRows) out.get(r.round_id)!.respondents = num(r.n);
      for (const r of rows) out.get(r.round_id)!.cells.push({ itemKey: r.item_key, level: r.level, count: num(r.n) });
      return out;
    },
    async rubricDistribution(roundId) {
      const [respondentRows, rows] = await Promise.all([
        prisma.$queryRaw<{ n: unknown }[]>`SELECT count(*) AS n FROM submissions WHERE round_id = ${roundId}`,
        prisma.$queryRaw<{ item_key: string; level: string | null; n: unknown }[]>`
          SELECT item_key, level, count(*) AS n FROM answers WHERE round_id = ${roundId} GROUP BY item_key, level`,
      ]);
      return { respondents: num(respondentRows[0]?.n), cells: rows.map((r) => ({ itemKey: r.item_key, level: r.level, count: num(r.n) })) };
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
    async comments(roundId) {
      const rows = await prisma.comment.findMany({ where: { roundId }, select: { itemKey: true, text: true, organisation: true } });
      return rows.map((r) => ({ itemKey: r.itemKey, text: r.text, organisation: r.organisation }));
    },
  };
}
