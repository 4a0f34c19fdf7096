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
# capped at 384). Three settings share the rest between speed and memory, each measured outside
# the benchmark, the variants side by side (cold overviews of the default world, caches off,
# twenty-five to thirty each; one cold overview of every organization of the 16x world, three each):
# - The old generation is not collected whole below 96 MB (--initial-old-space-size, which V8
#   takes as a floor under its next full collection): a cold default-world overview leaves about
#   10 MB live in the old generation, and with a heap of 35-50 MB each one began a full collection
#   whose marking steps took 15-35 ms of the request's thread. Gateway CPU per overview 170-211 ->
#   126-153 ms, p50 -15 to -20 ms, peak resident +25-30 MB (about 180).
# - The young generation is half the default (8 MB semi-spaces): a cold overview of the 16x world
#   holds about 110 MB live, and each doubling of the young generation added 10-20 MB to its peak
#   (semi-spaces of 8, 12, 16 and 32 MB: 247-257, 257-266, 267-269, about 320 MB, when the gateway
#   held more per call). Since each loader key settles alone, requests hold their models longer
#   and 4 MB semi-spaces were scavenged often with much alive: 8 MB took a default-world overview
#   from 116 to 107 ms of CPU and its p50 from 162 to 152 (thirty side by side). In the benchmark
#   (README, Benchmark) the 16x world then peaked at 226-235 MB, within the 211-238 of 4 MB.
# - Past the floor, the old generation grows to about 1.1x what a collection left live before the
#   next (and at least 8 MB and the young generation's size), where only a world of that size goes
#   (V8's own factor is 1.1 to about 1.35 at this cap).
# Together, with 4 MB semi-spaces then: that 16x overview peaked at 225-234 MB (241-256 with 1.3x;
# 247-273 as the image was before), a default-world overview used 148 ms of CPU (181 before, 140
# with the floor alone).
# Up to 96 MB of garbage may wait for a full collection, within the cap; the in-memory cache's
# buffers (CACHE_MAX_BYTES, 64 MB) and Node itself come on top: give a container 512 MB or more.
# NODE_OPTIONS may not carry the two V8 flags: CMD gives them to node. Raise the cap with
# NODE_OPTIONS for a larger deployment, and replace CMD to let V8 choose the factor there (the
# benchmark starts the gateway with these settings).
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
CMD ["node", "--initial-old-space-size=96", "--heap-growing-percent=10", "dist/main.js"]
