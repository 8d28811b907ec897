import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "./generated/client.ts";
import type { Ids } from "../../core/ids.ts";
import type { PromptSnapshot, PromptSnapshotStore } from "../types.ts";

type Row = Awaited<ReturnType<PrismaClient["promptSnapshot"]["findFirstOrThrow"]>>;
const toSnapshot = (row: Row): PromptSnapshot => ({ id: row.id, kind: row.kind as PromptSnapshot["kind"], key: row.key, version: row.version, definition: row.definition });

export function createPromptSnapshotStore(prisma: PrismaClient, ids: Ids): PromptSnapshotStore {
  return {
    async ensure(kind, key, version, definition) {
      const json = JSON.parse(JSON.stringify(definition));
      const existing = await prisma.promptSnapshot.findUnique({ where: { kind_key_version: { kind, key, version } } });
      if (existing) return isDeepStrictEqual(existing.definition, json) ? toSnapshot(existing) : { conflict: true as const };
      await prisma.promptSnapshot.createMany({ data: [{ id: ids.uuid(), kind, key, version, definition: json }], skipDuplicates: true });
      const row = await prisma.promptSnapshot.findUniqueOrThrow({ where: { kind_key_version: { kind, key, version } } });
      return isDeepStrictEqual(row.definition, json) ? toSnapshot(row) : { conflict: true as const };
    },
    async get(id) {
      const row = await prisma.promptSnapshot.findUnique({ where: { id } });
      return row ? toSnapshot(row) : null;
    },
    async matches(kind, key, version, definition) {
      const existing = await prisma.promptSnapshot.findUnique({ where: { kind_key_version: { kind, key, version } }, select: { definition: true } });
      return !existing || isDeepStrictEqual(existing.definition, JSON.parse(JSON.stringify(definition)));
    },
  };
}
