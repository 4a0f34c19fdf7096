# The gateway on Node.js 24. Configure the upstreams with environment variables (see README);
# the image holds the gateway alone: the demo upstreams (simulators) stay in the repository.
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY schema ./schema
COPY src ./src
COPY tsconfig.json ./
# The heap is capped (a soak levels at about 215 MB with a cap, and keeps rising without one);
# raise it with NODE_OPTIONS for a larger deployment.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 NODE_OPTIONS=--max-old-space-size=256
EXPOSE 4000
USER node
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
