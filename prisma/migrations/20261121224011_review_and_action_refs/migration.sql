-- AlterTable
ALTER TABLE "review_events" ADD COLUMN     "ref" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "ref" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "review_events_workspace_id_ref_key" ON "review_events"("workspace_id", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "actions_workspace_id_ref_key" ON "actions"("workspace_id", "ref");
