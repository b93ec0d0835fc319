/** `npm run seed`: loads the first story into the configured (or embedded) Neo4j. */
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { seedStory } from './seed';

async function main(): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    const started = Date.now();
    const result = await seedStory(database.gateway);
    console.log(
      `${result.article}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged (${Date.now() - started} ms)`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
