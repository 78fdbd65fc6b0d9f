# One image for every process; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY services/api/package.json services/api/
COPY services/cli/package.json services/cli/
COPY services/standalone/package.json services/standalone/
COPY workers/screening/package.json workers/screening/
COPY workers/lists/package.json workers/lists/
COPY workers/webhooks/package.json workers/webhooks/
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "services/api/dist/main.js"]
