-- CreateTable
CREATE TABLE "subscriptions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "partner_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "service_slug" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "plan_version_id" TEXT NOT NULL,
    "plan_version" INTEGER NOT NULL,
    "plan_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "unit_price_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "billing_period" TEXT NOT NULL,
    "trial_end_date" TIMESTAMPTZ(3),
    "current_period_start" TIMESTAMPTZ(3) NOT NULL,
    "current_period_end" TIMESTAMPTZ(3),
    "pending_cancellation_at" TIMESTAMPTZ(3),
    "past_due_since" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "suspended_reason" TEXT,
    "activated_at" TIMESTAMPTZ(3),
    "pack_subscription_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription_transitions" (
    "id" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "change_kind" TEXT NOT NULL,
    "from_plan_key" TEXT,
    "to_plan_key" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billable_items" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "partner_id" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "invoice_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billable_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "subscriptions_tenant_id_service_id_status_idx" ON "subscriptions"("tenant_id", "service_id", "status");

-- CreateIndex
CREATE INDEX "subscriptions_partner_id_idx" ON "subscriptions"("partner_id");

-- CreateIndex
CREATE INDEX "subscriptions_status_pending_cancellation_at_idx" ON "subscriptions"("status", "pending_cancellation_at");

-- CreateIndex
CREATE INDEX "subscriptions_status_current_period_end_idx" ON "subscriptions"("status", "current_period_end");

-- CreateIndex
CREATE INDEX "subscriptions_status_trial_end_date_idx" ON "subscriptions"("status", "trial_end_date");

-- CreateIndex
CREATE INDEX "subscription_transitions_subscription_id_at_idx" ON "subscription_transitions"("subscription_id", "at");

-- CreateIndex
CREATE INDEX "billable_items_tenant_id_invoice_id_idx" ON "billable_items"("tenant_id", "invoice_id");

-- CreateIndex
CREATE INDEX "billable_items_subscription_id_idx" ON "billable_items"("subscription_id");

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- AddForeignKey
ALTER TABLE "subscription_transitions" ADD CONSTRAINT "subscription_transitions_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billable_items" ADD CONSTRAINT "billable_items_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
