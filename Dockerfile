# The API alone; Neo4j comes from docker-compose.yml (NEO4J_URI is always set there).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY explorer ./explorer
COPY schema ./schema
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY seed ./seed
EXPOSE 4000
USER node
# The API's node flags (src/http/node-flags.ts); set here so the command stays the plain one.
ENV NODE_OPTIONS=--max-semi-space-size=32
CMD ["node", "dist/src/main.js"]
