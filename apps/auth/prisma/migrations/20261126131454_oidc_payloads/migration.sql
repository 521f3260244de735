-- CreateTable
CREATE TABLE "oidc_payloads" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grant_id" TEXT,
    "user_code" TEXT,
    "uid" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "consumed_at" TIMESTAMPTZ(3),

    CONSTRAINT "oidc_payloads_pkey" PRIMARY KEY ("issuer","kind","id")
);

-- CreateIndex
CREATE INDEX "oidc_payloads_issuer_grant_id_idx" ON "oidc_payloads"("issuer", "grant_id");

-- CreateIndex
CREATE INDEX "oidc_payloads_issuer_kind_uid_idx" ON "oidc_payloads"("issuer", "kind", "uid");

-- CreateIndex
CREATE INDEX "oidc_payloads_issuer_kind_user_code_idx" ON "oidc_payloads"("issuer", "kind", "user_code");

-- CreateIndex
CREATE INDEX "oidc_payloads_expires_at_idx" ON "oidc_payloads"("expires_at");
