# Production image: the same code as `npm start`, against an external PostgreSQL (DATABASE_URL).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web
# the server as one esbuild bundle, as `npm start` runs it (no tsx loader in the running process)
RUN npx tsx scripts/start-build.ts
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
EXPOSE 3000
USER node
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=32", ".data/build/server.mjs"]
