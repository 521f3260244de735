-- Existing rows count their periods from the start of their current period.
ALTER TABLE "pack_subscriptions" ADD COLUMN "billing_anchor" TIMESTAMPTZ(3);
UPDATE "pack_subscriptions" SET "billing_anchor" = "current_period_start";
ALTER TABLE "pack_subscriptions" ALTER COLUMN "billing_anchor" SET NOT NULL;

ALTER TABLE "subscriptions" ADD COLUMN "billing_anchor" TIMESTAMPTZ(3);
UPDATE "subscriptions" SET "billing_anchor" = "current_period_start";
ALTER TABLE "subscriptions" ALTER COLUMN "billing_anchor" SET NOT NULL;
