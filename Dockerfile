# One image for every app of the platform; the command picks the app:
#   node --import tsx apps/<name>/src/main.ts        (a service or the gateway)
#   node --import tsx tools/platform/src/migrate.ts  (migrations of every app's database)
# Build: docker build -t scai-platform .   (docker compose and k8s/ use the same image)

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY . .
RUN npm ci --no-audit --no-fund
# ts-proto stubs and Prisma clients are generated, not committed.
RUN npm run generate
# Runtime needs no compilers, linters or test tools; tsx runs the TypeScript.
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# Owned by root and not writable by the app user: the container runs with a read-only
# root filesystem (tsx keeps its cache in /tmp, which is a writable mount).
COPY --from=build /app /app
USER node
EXPOSE 8080 8081 50051 50052 50053 50054 50055 50056 9101 9102 9103 9104 9105 9106
CMD ["node", "--import", "tsx", "apps/api-gateway/src/main.ts"]
