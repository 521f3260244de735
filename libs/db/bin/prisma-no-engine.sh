#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on this machine.
# The Prisma CLI only needs PRISMA_SCHEMA_ENGINE_BINARY to name an existing file to skip the
# download; `prisma generate` never runs it. It exits 1 (not 0 like /bin/true) so that a
# stray `prisma migrate …` fails loudly instead of succeeding without doing anything.
echo "The native Prisma schema engine is not available here; use @scai/db (scai-db deploy|create|status)." >&2
exit 1
