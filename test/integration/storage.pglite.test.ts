import { defineStorageSuite } from "./storage-suite.ts";
import { createPrismaStore } from "../../src/store/prisma/index.ts";
import { MIGRATIONS_DIR } from "../../src/app.ts";
import { createRandomIds } from "../../src/core/ids.ts";
import { createMemoryLogger } from "../../src/core/logger.ts";

defineStorageSuite("PGlite", () => createPrismaStore({ dataDir: "memory://", migrationsDir: MIGRATIONS_DIR, ids: createRandomIds(), logger: createMemoryLogger() }));
