-- AlterTable
ALTER TABLE "rounds" ADD COLUMN     "audience" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "ref" TEXT NOT NULL,
ALTER COLUMN "secret" SET DATA TYPE TEXT;

-- CreateIndex
CREATE INDEX "rounds_status_closes_at_idx" ON "rounds"("status", "closes_at");

-- CreateIndex
CREATE UNIQUE INDEX "rounds_workspace_id_ref_key" ON "rounds"("workspace_id", "ref");
