/** The anonymity attacks on PostgreSQL, each in a fresh database; raw heap pages read with pageinspect. */
import { afterAll } from "vitest";
import { createHarness } from "../../fakes/harness.ts";
import type { AttackEnv } from "../../anonymity/attack-kit.ts";
import { defineChatAttacks } from "../../anonymity/attacks-chat.ts";
import { defineDatabaseAttacks } from "../../anonymity/attacks-db.ts";
import { freshDatabase } from "./db.ts";

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

const env: AttackEnv = {
  async harness(name) {
    const db = await freshDatabase(`attack_${name.replace(/-/g, "_")}`);
    drops.push(db.drop);
    return createHarness({ admins: ["amina"], databaseUrl: db.url });
  },
  rawPages: true,
};
defineDatabaseAttacks("PostgreSQL", env);
defineChatAttacks("PostgreSQL", env);
