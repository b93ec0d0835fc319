/**
 * The writer's rehearsal (src/ingest/rehearsal.ts) writes the story twice so that every query
 * of the writer is planned before the first real write: the first copy's entities are new to
 * the graph and go by CREATE, so the second copy must change every one of them for the MERGE
 * queries of entities the graph holds to get rows.
 */
import type { ArticleDocument } from '../../src/ingest/document';
import { ValidatedDocuments } from '../../src/ingest/ingest';
import { rehearsalDocuments } from '../../src/ingest/rehearsal';
import { readStory } from '../../src/ingest/seed';

describe('the rehearsal’s two copies of the story', () => {
  const story = readStory() as ArticleDocument;
  const [first, second] = rehearsalDocuments(story);

  it('keep the story’s ids and change every entity of the second', () => {
    expect(first).toBe(story);
    expect(second.entities.map((e) => e.id)).toEqual(story.entities.map((e) => e.id));
    const unchanged = second.entities.filter((e, i) => JSON.stringify(e) === JSON.stringify(story.entities[i]));
    expect(unchanged).toEqual([]);
    expect(second.statements).toBe(story.statements);
  });

  it('are both documents ingest accepts', () => {
    expect(() => ValidatedDocuments.of([first, second])).not.toThrow();
  });
});
