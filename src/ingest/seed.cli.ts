/**
 * `npm run seed`: loads the first story into the configured (or embedded) Neo4j.
 * `npm run seed -- --demo` also loads a synthetic month of coverage (src/corpus/demo.ts).
 */
import { loadConfig } from '../config';
import { demoDocuments } from '../corpus/demo';
import { openDatabase } from '../db/connect';
import { ingestBatch, INGEST_BATCH_SIZE } from './ingest-batch';
import { readStory, seedStory } from './seed';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length > 0) throw new Error(`usage: npm run seed [-- --demo]; received ${unknown.join(' ')}`);
  const database = await openDatabase(loadConfig(), { rehearseWriter: true });
  try {
    const started = Date.now();
    const result = await seedStory(database.gateway);
    console.log(
      `${result.article}: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged (${Date.now() - started} ms)`,
    );
    if (args.includes('--demo')) {
      const storyIds = new Set((readStory() as { entities: { id: string }[] }).entities.map((e) => e.id));
      const documents = demoDocuments(storyIds);
      for (let i = 0; i < documents.length; i += INGEST_BATCH_SIZE) await ingestBatch(database.gateway, documents.slice(i, i + INGEST_BATCH_SIZE));
      const statements = documents.reduce((sum, d) => sum + d.statements.length, 0);
      console.log(`demo: ${documents.length} synthetic documents, ${statements} statements, their outlets named "(synthetic)" (${Date.now() - started} ms)`);
    }
  } finally {
    await database.close();
  }
}
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
