/**
 * Bootstrap only: config → database → schema → server → listen, and a stop on SIGTERM or
 * SIGINT that loses no answer: the server drains its requests first (they use everything
 * else), then the rest closes, Neo4j last.
 */
import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { DatabaseUnreachable, openDatabase } from './db/connect';
import { isEmpty, seedStory } from './ingest/seed';
import { appSchema } from './schema';
import { explorerRoutes } from './http/explorer-pages';
import { jsonLog } from './http/request-log';
import { startServer } from './http/server';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, { events: jsonLog, rehearseWriter: config.warmUp });
  if (config.seedOnEmpty && (await isEmpty(database.gateway))) {
    const result = await seedStory(database.gateway);
    console.error(`loaded the story ${result.article}: ${result.statements} statements, ${result.entities} entities`);
  }
  const server = await startServer({
    schema: await appSchema(),
    gateway: database.gateway,
    host: config.host,
    port: config.port,
    apiKeys: config.apiKeys,
    production: config.production,
    introspection: config.introspection,
    limits: config.limits,
    requestTimeoutMs: config.timeouts.requestMs,
    preparedQueries: config.preparedQueries,
    extraction: config.extraction,
    alive: () => database.health() !== 'failed',
    warmUp: config.warmUp,
    drainMs: config.lifecycle.drainMs ?? undefined,
    live: config.live,
    // dist/src/main.js → dist/explorer, written by `npm run build`.
    routes: explorerRoutes({ distDir: path.resolve(__dirname, '..', 'explorer') }),
  });
  console.error(`GraphQL API ready at ${server.url}; the explorer at ${server.url.replace(/graphql$/, 'explorer')}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // Said once the server takes no new connection: the queued ones were accepted, and are answered.
    const listeningStopped = (): void => console.error(`${signal}: draining requests, then closing Neo4j`);
    // In this order: what a request in flight uses closes only after the drain.
    const closers: (() => Promise<void>)[] = [() => server.stop(listeningStopped), () => database.close()];
    for (const close of closers) await close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // A promise some request forgot to handle is a bug in that request, not a reason to
  // drop every other one: it is logged, and the server stays up.
  process.on('unhandledRejection', (reason: unknown) => {
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'unhandled rejection', error: reason instanceof Error ? reason.stack : String(reason) }));
  });
}

main().catch((error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  if (error instanceof ConfigError || error instanceof DatabaseUnreachable) console.error(error.message);
  else if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { address, port } = error as { address?: string; port?: number };
    console.error(`Cannot listen on ${address ?? ''}:${port ?? ''} (${code}): another process has it, or it needs privileges. Set PORT to a free port, e.g. PORT=4001 npm start.`);
  } else console.error(error);
  process.exit(1);
});
