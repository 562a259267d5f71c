# syntax=docker/dockerfile:1
# Multi-stage build of the app and its job worker (README, "Deployment").
#   docker build --target app -t saas-app .      the Next.js server (output: "standalone")
#   docker build --target worker -t saas-worker . `npm run worker`, and `npm run db:migrate`
# One image for every environment: both read their configuration from the environment when they
# start, nothing at build time (.env.example lists every variable; `npm run env:check` checks them).

ARG NODE_IMAGE=node:24-bookworm-slim

# Dependencies, with the Prisma client generated (postinstall) from the schema.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
# The npm workspaces (packages/*): npm ci links them, so it needs their package.json files.
COPY packages/local-postgres/package.json ./packages/local-postgres/
COPY packages/stripe-emulator/package.json ./packages/stripe-emulator/
COPY scripts/check-node.cjs ./scripts/
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# The production build: .next/standalone holds the server and only the files it needs.
FROM deps AS build
COPY . .
RUN npm run build

# The web server: no source, no dev dependencies, an unprivileged user. Behind a reverse proxy,
# run it with TRUSTED_PROXIES=<proxies in front>; by default (0) the client IP is the connection's.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY --from=build --chown=node:node /app/.next/standalone ./
# The local storage driver's directory (compose.yaml mounts a volume there, which takes this owner).
RUN mkdir -p /data/storage && chown node:node /data/storage
USER node
EXPOSE 3000
# Liveness: the process answers (no dependency asked, so a database outage does not mark every
# instance unhealthy). Load balancers and deploys use /api/health/ready (README, "Health checks").
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]

# The job worker and one-off tasks (migrations, Stripe setup, billing reconcile): they run the
# TypeScript sources with tsx, so this image keeps the source and node_modules.
FROM build AS worker
ENV NODE_ENV=production
# Read-only for the unprivileged user (a chown would copy node_modules into a new layer).
RUN mkdir -p /data/storage && chown node:node /data/storage
USER node
CMD ["npm", "run", "worker"]
