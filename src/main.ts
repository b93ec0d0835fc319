/** Bootstrap only: config → database → schema → server → listen, and a graceful stop. */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { connectDatabase, DatabaseUnreachable } from './db/connect';
import { isEmpty, seedStory } from './ingest/seed';
import { appSchema } from './schema';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await connectDatabase(config);
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
  });
  console.error(`GraphQL API ready at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: draining requests, then closing Neo4j`);
    await server.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnreachable) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
