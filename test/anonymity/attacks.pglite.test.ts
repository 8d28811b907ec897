/** The anonymity attacks on the embedded database (PGlite). */
import { createHarness } from "../fakes/harness.ts";
import type { AttackEnv } from "./attack-kit.ts";
import { defineChatAttacks } from "./attacks-chat.ts";
import { defineDatabaseAttacks } from "./attacks-db.ts";

const env: AttackEnv = { harness: () => createHarness({ admins: ["amina"] }), rawPages: false };
defineDatabaseAttacks("PGlite", env);
defineChatAttacks("PGlite", env);
