-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d).
-- One database per service app (docs/contracts.md); the migrate service fills them.
CREATE DATABASE scai_auth;
CREATE DATABASE scai_partners;
CREATE DATABASE scai_registrations;
CREATE DATABASE scai_billing;
CREATE DATABASE scai_metering;
CREATE DATABASE scai_provisioning;
