/**
 * A template or rubric edited without raising its version would rewrite what past rounds asked:
 * the start refuses it once a round has used that version, naming the file and the version to
 * raise; before any round used it, editing is free.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/app.ts";
import { createRandomIds } from "../../src/core/ids.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";
import { loadPrompts } from "../../src/core/prompts/load.ts";
import { checkPromptVersions } from "../../src/core/prompts/snapshots.ts";
import { createPrismaStore } from "../../src/store/prisma/index.ts";

const dir = mkdtempSync(join(tmpdir(), "prompt-versions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("prompt versions", () => {
  it("refuses a changed rubric whose version a round recorded, and accepts it before any round or with a new version", async () => {
    const root = join(dir, "prompts");
    cpSync("prompts", root, { recursive: true });
    const store = await createPrismaStore({ dataDir: "memory://", migrationsDir: MIGRATIONS_DIR, ids: createRandomIds(), logger: createMemoryLogger() });
    try {
      const file = join(root, "rubrics", "clarissa.json");
      const edit = (change: (r: { version: number; title: { en: string } }) => void) => {
        const rubric = JSON.parse(readFileSync(file, "utf8"));
        change(rubric);
        writeFileSync(file, JSON.stringify(rubric));
      };
      // Nothing recorded yet: an edit is free.
      edit((r) => void (r.title.en = "CLARISSA rubric, edited before any round"));
      await expect(checkPromptVersions(store.snapshots, loadPrompts(root))).resolves.toBeUndefined();
      // A round uses this version (what starting a check-in records)...
      const used = loadPrompts(root).rubrics.get("clarissa")!;
      await store.snapshots.ensure("rubric", used.id, used.version, used);
      // ...then the file changes again under the same version: the start stops, naming what to do.
      edit((r) => void (r.title.en = "CLARISSA rubric, edited after a round"));
      await expect(checkPromptVersions(store.snapshots, loadPrompts(root))).rejects.toThrow(
        new RegExp(`clarissa\\.json: version: the content changed but version ${used.version} is already recorded for past rounds\\. Raise "version" to ${used.version + 1}`),
      );
      edit((r) => void (r.version = used.version + 1));
      await expect(checkPromptVersions(store.snapshots, loadPrompts(root))).resolves.toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
