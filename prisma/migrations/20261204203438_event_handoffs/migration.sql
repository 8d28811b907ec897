-- CreateTable
CREATE TABLE "event_handoffs" (
    "id" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "created_at" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_handoffs_pkey" PRIMARY KEY ("id")
);
