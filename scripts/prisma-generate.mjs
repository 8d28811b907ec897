// Generates the Prisma client into src/store/prisma/generated (gitignored) after `npm install`.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { prismaEnv } from "./prisma-env.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const result = spawnSync(process.execPath, [join(root, "node_modules/prisma/build/index.js"), "generate", "--no-hints"], {
  cwd: root,
  env: prismaEnv(root),
  stdio: "inherit",
});
process.exit(result.status ?? 1);
