/**
 * The writer rehearsed at start-up. A fresh Neo4j has planned none of the writer's queries
 * (ingest.cypher.ts) and its JVM has run none of their code: the first ingest, or the first
 * batches of a bulk load, would pay for both. So once the schema is applied, the story
 * (seed/story.json) is written twice in one transaction that is then rolled back: the first
 * copy goes by the queries of an article new to the graph (or of one it holds, where the
 * story is there), the second by those of an article written before, with every entity's
 * description changed so that its entities go by the MERGE queries of entities the graph
 * holds (the first copy's went by CREATE), so Neo4j plans each query with the parameter
 * types it will get and runs it once. Nothing of it stays.
 */
import type { Neo4jGateway } from '../db/gateway';
import type { ArticleDocument } from './document';
import { ValidatedDocuments, writeInTransaction } from './ingest';
import { readStory } from './seed';

/** Thrown to end the rehearsal's transaction, which rolls it back. */
class Rehearsed extends Error {}

/**
 * Rehearses the writer (see above); true when both copies were written before the rollback.
 * Best effort: a graph that refuses the story (an editor retracted it, say) warms less, and
 * the writes that follow are correct either way.
 */
export async function rehearseWriter(gateway: Neo4jGateway): Promise<boolean> {
  // The repository's own story; ValidatedDocuments.of checks both copies before anything is written.
  const story = readStory() as ArticleDocument;
  try {
    await gateway.write(async (tx) => {
      await writeInTransaction(tx, ValidatedDocuments.of(rehearsalDocuments(story)), { author: 'rehearsal' });
      throw new Rehearsed();
    });
    return false;
  } catch (error) {
    // Rolled back as meant (Rehearsed), or refused: either way nothing was written, and a
    // Neo4j that is not answering shows in the first real query, where it can be handled.
    return error instanceof Rehearsed;
  }
}

/** The story, then the story again with every entity changed: the two copies the rehearsal writes. */
export function rehearsalDocuments(story: ArticleDocument): [ArticleDocument, ArticleDocument] {
  const changed = story.entities.map((e) => ({ ...e, description: `${e.description ?? e.name} (rehearsed)` }));
  return [story, { ...story, entities: changed }];
}
