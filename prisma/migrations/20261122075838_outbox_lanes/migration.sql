-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "lane" TEXT NOT NULL DEFAULT 'bulk';

-- CreateIndex
CREATE INDEX "outbox_lane_status_next_attempt_at_idx" ON "outbox"("lane", "status", "next_attempt_at");
