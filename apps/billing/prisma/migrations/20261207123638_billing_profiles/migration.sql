-- CreateTable
CREATE TABLE "tenant_billing_profiles" (
    "tenant_id" TEXT NOT NULL,
    "partner_id" TEXT NOT NULL,
    "company_name" TEXT NOT NULL,
    "address_line1" TEXT,
    "address_line2" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "state" TEXT,
    "country_code" CHAR(2) NOT NULL,
    "vat_number" TEXT,
    "tax_exempt" BOOLEAN NOT NULL DEFAULT false,
    "contact_email" TEXT,
    "phone" TEXT,
    "is_business" BOOLEAN NOT NULL DEFAULT true,
    "peppol_id" TEXT,
    "peppol_scheme" TEXT,
    "leitweg_id" TEXT,
    "preferred_einvoice_format" TEXT NOT NULL DEFAULT 'ubl',
    "preferred_language" TEXT NOT NULL DEFAULT 'en',
    "invoice_template_name" TEXT,
    "email_template_name" TEXT,
    "buyer_reference" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenant_billing_profiles_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateIndex
CREATE INDEX "tenant_billing_profiles_partner_id_idx" ON "tenant_billing_profiles"("partner_id");
