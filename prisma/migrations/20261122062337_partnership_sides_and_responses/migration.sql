-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "auto_schedule" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "pulse_cadence_days" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "renewal_offsets" INTEGER[] DEFAULT ARRAY[90, 30, 7]::INTEGER[];

-- AlterTable
ALTER TABLE "partnerships" ADD COLUMN     "focal_user_id" TEXT;

-- AlterTable
ALTER TABLE "review_events" ALTER COLUMN "partnership_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "round_id" TEXT;

-- AlterTable
ALTER TABLE "submissions" ADD COLUMN     "side" TEXT;

-- CreateTable
CREATE TABLE "round_responses" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "heard" TEXT NOT NULL,
    "doing" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "round_responses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "round_responses_round_id_key" ON "round_responses"("round_id");

-- CreateIndex
CREATE INDEX "round_responses_workspace_id_idx" ON "round_responses"("workspace_id");
