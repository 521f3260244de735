-- CreateTable
CREATE TABLE "pack_subscriptions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "partner_id" TEXT NOT NULL,
    "pack_id" TEXT NOT NULL,
    "pack_slug" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "billing_period" TEXT NOT NULL,
    "current_period_start" TIMESTAMPTZ(3) NOT NULL,
    "current_period_end" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pack_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pack_subscriptions_tenant_id_status_idx" ON "pack_subscriptions"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "pack_subscriptions_partner_id_idx" ON "pack_subscriptions"("partner_id");
