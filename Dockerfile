# syntax=docker/dockerfile:1
# The gateway alone, compiled, on Node.js 24. Configure the upstreams with environment variables
# (`docker run … node dist/main.js --help` lists them); the demo upstreams stay in the repository.

# Build: every dependency, TypeScript compiled to dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: production dependencies only (no TypeScript runner, no simulators, no git), not root.
FROM node:24-bookworm-slim AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="repo-graph-gateway" \
      org.opencontainers.image.description="GraphQL gateway over GitProtect, Azure DevOps Server and SCM-Manager" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="docker.io/library/node:24-bookworm-slim"
WORKDIR /app
# The heap is capped: without a cap V8 lets garbage grow with the machine (measured once, outside
# the benchmark: a peak of 276 MB resident over twenty cold overviews of its peer world; 184-190 MB
# capped at 384). The young generation is kept at half the default (8 MB semi-spaces): a cold
# overview of every organization of the 16x world holds about 100 MB live, and each doubling of
# the young generation added 10-20 MB to its peak (measured outside the benchmark: semi-spaces of
# 8, 12, 16 and 32 MB peaked at 247-257, 257-266, 267-269 and about 320 MB). The price: a cold
# overview of the default world is slower, collecting more often (p50 of fifteen, side by side,
# caches off: 318 ms at 32 MB against 372 at 8).
# The old generation may grow to 1.3x what a collection left live before the next, in every mode
# (V8 picks between 1.1 and a ceiling that scales with the cap, about 1.35 at 384 MB by its heap
# controller's rule, not measured): the 16x world's overview peaked at 241-261 MB (median 251, six
# runs) against 247-273 (median 263, twelve), side by side, the ranges overlapping; a cold
# default-world overview was no slower (p50 of twenty). NODE_OPTIONS may not carry that V8 flag:
# CMD gives it to node.
# Raise the cap with NODE_OPTIONS for a larger deployment, and replace CMD to let V8 choose the
# factor there (the benchmark starts the gateway with these settings).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 \
    NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=8"
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY schema ./schema
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# Follows PORT, whatever it is set to at run time.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--heap-growing-percent=30", "dist/main.js"]
