# syntax=docker/dockerfile:1

# One npm for every stage: package-lock.json and the root `allowScripts` gate are written by npm 11.
FROM node:24-bookworm-slim AS base
WORKDIR /app
RUN npm install --global npm@11.19.1 && npm cache clean --force

# Build the API bundle and the web app with the full dev toolchain.
FROM base AS build
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nx run-many -t build -p api web

# Production dependencies only: webpack keeps node_modules external to dist/apps/api/main.js.
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/dist ./dist
# The embedded database keeps its files here when MONGODB_URI is not set.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
