-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "workspaces" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "threshold" INTEGER NOT NULL DEFAULT 5,
    "comment_threshold" INTEGER NOT NULL DEFAULT 5,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "retention_months" INTEGER NOT NULL DEFAULT 24,
    "rubric_cadence_days" INTEGER NOT NULL DEFAULT 180,
    "reminder_offsets" INTEGER[] DEFAULT ARRAY[30, 7, 1]::INTEGER[],
    "quiet_week" TEXT NOT NULL DEFAULT 'line',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT 'partner',
    "organisation" TEXT,
    "locale" TEXT,
    "timezone" TEXT,
    "reminders_opt_out" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_references" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_references_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slack_installations" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slack_installations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnerships" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "categories" TEXT[],
    "spectrum" TEXT,
    "country" TEXT,
    "lead_user_id" TEXT,
    "start_date" DATE,
    "agreement_end_date" DATE,
    "notes" TEXT,
    "paused_reason" TEXT,
    "paused_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partnerships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_events" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "partnership_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT,
    "due_date" DATE NOT NULL,
    "every_months" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'open',
    "notes" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actions" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "partnership_id" TEXT,
    "element_key" TEXT,
    "text" TEXT NOT NULL,
    "owner_user_id" TEXT,
    "due_date" DATE,
    "status" TEXT NOT NULL DEFAULT 'open',
    "done_at" TIMESTAMPTZ(3),
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt_snapshots" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rounds" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "snapshot_id" TEXT NOT NULL,
    "partnership_id" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'individual',
    "question_keys" TEXT[],
    "origin_channel_id" TEXT,
    "created_by" TEXT NOT NULL,
    "invited_count" INTEGER NOT NULL DEFAULT 0,
    "unreachable_count" INTEGER NOT NULL DEFAULT 0,
    "recurrence" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'open',
    "secret" BYTEA,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "round_invitees" (
    "round_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "round_invitees_pkey" PRIMARY KEY ("round_id","user_id")
);

-- CreateTable
CREATE TABLE "participations" (
    "round_id" TEXT NOT NULL,
    "person_hash" TEXT NOT NULL,

    CONSTRAINT "participations_pkey" PRIMARY KEY ("round_id","person_hash")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "organisation" TEXT,
    "submitted_on" DATE NOT NULL,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answers" (
    "id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "value" INTEGER,
    "level" TEXT,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "item_key" TEXT NOT NULL,
    "organisation" TEXT,
    "text" TEXT NOT NULL,
    "submitted_on" DATE NOT NULL,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "summary_subscriptions" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "local_time" TEXT NOT NULL DEFAULT '09:00',
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "summary_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "slot" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "lease_until" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "destination" JSONB NOT NULL,
    "card" JSONB NOT NULL,
    "pace_key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sent_ref" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "platform" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("platform","event_id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "detail" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playground_messages" (
    "id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "audience" TEXT,
    "author" TEXT,
    "card" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "playground_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playground_channel_members" (
    "channel_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "playground_channel_members_pkey" PRIMARY KEY ("channel_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_platform_external_id_key" ON "workspaces"("platform", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_workspace_id_user_id_key" ON "members"("workspace_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "conversation_references_workspace_id_kind_key_key" ON "conversation_references"("workspace_id", "kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "slack_installations_workspace_id_key" ON "slack_installations"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "partnerships_workspace_id_name_key_key" ON "partnerships"("workspace_id", "name_key");

-- CreateIndex
CREATE INDEX "review_events_workspace_id_status_due_date_idx" ON "review_events"("workspace_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "actions_workspace_id_status_idx" ON "actions"("workspace_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_snapshots_kind_key_version_key" ON "prompt_snapshots"("kind", "key", "version");

-- CreateIndex
CREATE INDEX "rounds_workspace_id_kind_status_idx" ON "rounds"("workspace_id", "kind", "status");

-- CreateIndex
CREATE INDEX "submissions_round_id_idx" ON "submissions"("round_id");

-- CreateIndex
CREATE INDEX "answers_round_id_item_key_idx" ON "answers"("round_id", "item_key");

-- CreateIndex
CREATE INDEX "comments_round_id_idx" ON "comments"("round_id");

-- CreateIndex
CREATE UNIQUE INDEX "summary_subscriptions_workspace_id_channel_id_key" ON "summary_subscriptions"("workspace_id", "channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "job_runs_job_id_slot_key" ON "job_runs"("job_id", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_dedupe_key_key" ON "outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_status_next_attempt_at_idx" ON "outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "audit_log_workspace_id_created_at_idx" ON "audit_log"("workspace_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "playground_messages_seq_key" ON "playground_messages"("seq");

-- CreateIndex
CREATE INDEX "playground_messages_conversation_id_seq_idx" ON "playground_messages"("conversation_id", "seq");
