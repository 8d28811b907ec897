-- AlterTable
ALTER TABLE "rounds" ADD COLUMN     "aggregated_at" TIMESTAMPTZ(3),
ADD COLUMN     "respondents" INTEGER;

-- CreateTable
CREATE TABLE "round_aggregates" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "value" INTEGER,
    "level" TEXT,
    "count" INTEGER NOT NULL,

    CONSTRAINT "round_aggregates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "round_aggregates_round_id_idx" ON "round_aggregates"("round_id");
