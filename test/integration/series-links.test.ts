/**
 * The speaker and day an ABOUT link carries for series (src/graph/analytics/series-links.cypher.ts)
 * stay their statement's through every write that can change them: ingest (new statements, a
 * replaced article, a statement that gains an earlier article, the bulk loader), corrections,
 * entity merges, retractions and restorations; and a store written before them gets them at
 * start-up. After each, no link disagrees with its statement, and every series the links
 * answer is the one the statements answer.
 */
import { cypher } from '../../src/db/cypher';
import { migrateSeriesLinks } from '../../src/db/constraints';
import { translateSeries } from '../../src/graph/analytics/analytics.cypher';
import { AttributionDimension, Interval } from '../../src/graph/analytics/analytics.type';
import type { SeriesCounts } from '../../src/graph/analytics/series';
import { correctStatement } from '../../src/graph/editorial/correct';
import { mergeEntities } from '../../src/graph/editorial/merge';
import { restoreArticle, retractArticle } from '../../src/graph/editorial/retract';
import type { StatementFilterValues } from '../../src/graph/statement/statement.cypher';
import { Corpus } from '../../src/corpus/corpus';
import { bulkLoad } from '../../src/ingest/bulk-load';
import { ingestDocument } from '../../src/ingest/ingest';
import { scratchGraphForFile, type ScratchGraph } from '../helpers/own-neo4j';
import { quoteArticle, quoteId, TARIFF } from '../helpers/quote-articles';
import { inOrder, seriesTwoWays, speakerSeriesCountedHere, staleLinks } from '../helpers/series';

const WEEK_ONE = quoteArticle('week-one', '2025-03-03', [
  { speaker: 'person:ann', words: 'tariffs will rise', stance: 'SUPPORTS' },
  { speaker: 'person:bo', words: 'tariffs are a tax', stance: 'OPPOSES' },
  { speaker: 'person:ann', words: 'we said so last week', date: '2025-02-26' },
]);
const WEEK_THREE = quoteArticle('week-three', '2025-03-19T09:30:00Z', [
  { speaker: 'person:cy', words: 'the tariff is paused', stance: 'OPPOSES' },
  { speaker: 'person:ann', words: 'the pause is welcome', stance: 'SUPPORTS' },
]);
const UNDATED = quoteArticle('undated', null, [{ speaker: 'person:bo', words: 'nobody knows when' }]);

const FILTERS: readonly StatementFilterValues[] = [
  { about: TARIFF },
  { about: TARIFF, since: '2025-02-27', until: '2025-03-19' },
  { about: TARIFF, stance: 'OPPOSES' },
];

let own: ScratchGraph;
scratchGraphForFile((graph) => (own = graph));

/** No link disagrees with its statement, and the links answer every series over `topic` as the statements do. */
async function expectLinksKept(topic = TARIFF, filters = FILTERS): Promise<void> {
  expect(await staleLinks(own.gateway)).toEqual([]);
  for (const groupBy of [AttributionDimension.SPEAKER, AttributionDimension.STANCE]) {
    for (const interval of [Interval.DAY, Interval.WEEK]) {
      for (const filter of filters) {
        const two = await seriesTwoWays(own.gateway, groupBy, interval, { ...filter, about: topic }, 2);
        expect(two.byLinks).toBe(true);
        expect(two.links).toEqual(two.statements);
      }
    }
  }
}

/** What the links about TARIFF carry, by statement. */
async function linksOf(ids: readonly string[]): Promise<Record<string, { speaker: string | null; day: string | null }>> {
  const rows = await own.gateway.read(
    cypher(`UNWIND $ids AS id MATCH (s {id: id})-[r:ABOUT]->(:Entity {id: $topic}) RETURN id, r.speaker AS speaker, r.day AS day`, { ids, topic: TARIFF }),
  );
  return Object.fromEntries(rows.map((r) => [r.id as string, { speaker: r.speaker as string | null, day: r.day as string | null }]));
}

const EDITOR = { reason: 'test', who: 'desk-1' };

/** An emptied graph loaded with a small generated corpus through the bulk loader. */
async function loadCorpus(): Promise<Corpus> {
  await own.empty();
  const corpus = new Corpus({ statements: 300, seed: 11 });
  const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  // The links are the batches' work either way; putting the indexes off (a load into an empty
  // graph) would drop and make six of them, and each schema change empties the plan cache of
  // the JVM this worker's files share.
  await bulkLoad(own.gateway, corpus.articles(), { firstBatch: corpus.directory(), batch: 5, deferSearchIndex: false, progress: { total: 300, unit: 'statements' }, out: quiet });
  return corpus;
}

/** The corpus the last two tests read (neither writes), loaded once by whichever runs first. */
let corpusLoaded: Promise<Corpus> | undefined;
const loadedCorpus = (): Promise<Corpus> => (corpusLoaded ??= loadCorpus());

describe('ingest, corrections, merges and retractions keep what ABOUT links carry', () => {
  it('ingest writes them with new statements', async () => {
    for (const document of [WEEK_ONE, WEEK_THREE, UNDATED]) await ingestDocument(own.gateway, document);
    expect(await linksOf([quoteId(WEEK_ONE, 0), quoteId(WEEK_ONE, 2), quoteId(UNDATED, 0)])).toEqual({
      [quoteId(WEEK_ONE, 0)]: { speaker: 'person:ann', day: '2025-03-03' },
      [quoteId(WEEK_ONE, 2)]: { speaker: 'person:ann', day: '2025-02-26' },
      [quoteId(UNDATED, 0)]: { speaker: 'person:bo', day: null },
    });
    await expectLinksKept();
  }, 60_000);

  it('an article ingested again with another speaker and date moves them', async () => {
    const again = quoteArticle('week-one', '2025-03-03', [
      { speaker: 'person:bo', words: 'tariffs will rise', date: '2025-02-20', stance: 'SUPPORTS' },
      { speaker: 'person:bo', words: 'tariffs are a tax', stance: 'OPPOSES' },
      { speaker: 'person:ann', words: 'we said so last week', date: '2025-02-26' },
    ]);
    expect(quoteId(again, 0)).toBe(quoteId(WEEK_ONE, 0));
    await ingestDocument(own.gateway, again, undefined, undefined, { replace: true });
    expect(await linksOf([quoteId(WEEK_ONE, 0)])).toEqual({ [quoteId(WEEK_ONE, 0)]: { speaker: 'person:bo', day: '2025-02-20' } });
    await expectLinksKept();
  }, 60_000);

  it('a statement that gains an earlier article moves its day, though that article gives it no topic', async () => {
    const earlier = quoteArticle('earlier', '2025-02-10', [{ speaker: 'person:ann', words: 'the pause is welcome', about: [] }]);
    const result = await ingestDocument(own.gateway, earlier);
    expect(result.evidenceAdded).toEqual([quoteId(WEEK_THREE, 1)]);
    expect(await linksOf([quoteId(WEEK_THREE, 1)])).toEqual({ [quoteId(WEEK_THREE, 1)]: { speaker: 'person:ann', day: '2025-02-10' } });
    await expectLinksKept();
  }, 60_000);

  it('a correction of the speaker or the topics moves them', async () => {
    await correctStatement(own.gateway, { id: quoteId(WEEK_ONE, 1), changes: { speaker: 'person:cy', about: [TARIFF] }, ...EDITOR });
    expect(await linksOf([quoteId(WEEK_ONE, 1)])).toEqual({ [quoteId(WEEK_ONE, 1)]: { speaker: 'person:cy', day: '2025-03-03' } });
    await expectLinksKept();
  }, 60_000);

  it('a merge of speakers gives the statements of both the one merged into', async () => {
    await mergeEntities(own.gateway, { from: 'person:bo', into: 'person:ann', ...EDITOR });
    expect(await linksOf([quoteId(WEEK_ONE, 0), quoteId(UNDATED, 0)])).toEqual({
      [quoteId(WEEK_ONE, 0)]: { speaker: 'person:ann', day: '2025-02-20' },
      [quoteId(UNDATED, 0)]: { speaker: 'person:ann', day: null },
    });
    await expectLinksKept();
  }, 60_000);

  it('a retraction takes the day off a retracted statement’s links, and a restoration puts it back', async () => {
    const retracted = await retractArticle(own.gateway, { id: 'article:week-three', ...EDITOR });
    // Ann's is in the earlier article too, so only Cy's goes with it.
    expect(retracted.statements).toEqual([quoteId(WEEK_THREE, 0)]);
    expect(await linksOf([quoteId(WEEK_THREE, 0)])).toEqual({ [quoteId(WEEK_THREE, 0)]: { speaker: 'person:cy', day: null } });
    await expectLinksKept();
    await restoreArticle(own.gateway, { id: 'article:week-three', ...EDITOR });
    expect(await linksOf([quoteId(WEEK_THREE, 0)])).toEqual({ [quoteId(WEEK_THREE, 0)]: { speaker: 'person:cy', day: '2025-03-19' } });
    await expectLinksKept();
  }, 60_000);

  it('a store written before them gets them at start-up, in batches, and a later start-up finds nothing to do', async () => {
    await retractArticle(own.gateway, { id: 'article:week-three', ...EDITOR });
    await own.gateway.write((tx) => tx.run(cypher('MATCH ()-[r:ABOUT]->() REMOVE r.speaker, r.day')));
    expect((await staleLinks(own.gateway)).length).toBeGreaterThan(0);
    // Two statements a batch, so the live ones take several; the retracted one is visited too.
    const [live] = await own.gateway.read(cypher('MATCH (s:Statement) RETURN count(s) AS n'));
    expect(await migrateSeriesLinks(own.gateway, 2)).toBe((live?.n as number) + 1);
    await expectLinksKept();
    expect(await migrateSeriesLinks(own.gateway, 2)).toBe(0);
    await restoreArticle(own.gateway, { id: 'article:week-three', ...EDITOR });
    await expectLinksKept();
  }, 60_000);
});

describe('the bulk loader', () => {
  it('writes them for a generated corpus, whose series over its top policy the links answer', async () => {
    const { topPolicy } = (await loadedCorpus()).probes;
    const [counted] = await own.gateway.read(cypher('MATCH (:Entity {id: $id})<-[r:ABOUT]-() RETURN count(r.speaker) AS n', { id: topPolicy }));
    expect(counted?.n).toBeGreaterThan(20);
    await expectLinksKept(topPolicy, [{}, { since: '2025-01-01', until: '2025-06-30' }, { stance: 'SUPPORTS' }]);
  }, 120_000);
});

describe('a series by speaker over a topic', () => {
  it('counts what counting each dated statement here does, for speakers tied at the last kept count too', async () => {
    await loadedCorpus();
    const policies = await own.gateway.read(
      cypher(`MATCH (p:Policy)<-[:ABOUT]-(s:Statement) RETURN p.id AS id, count(s) AS n ORDER BY n DESC, id LIMIT 3`),
    );
    const tops = [1, 2, 3, 5, 10, 50];
    let tiedAtCut = 0;
    for (const { id } of policies as { id: string }[]) {
      const perSpeaker = await own.gateway.read(
        cypher(`MATCH (:Entity {id: $id})<-[:ABOUT]-(s:Statement)<-[:SAID]-(g) WHERE s.day IS NOT NULL WITH g, count(s) AS n RETURN n ORDER BY n DESC`, { id }),
      );
      const counts = perSpeaker.map((row) => row.n as number);
      tiedAtCut += tops.filter((top) => top < counts.length && counts[top - 1] === counts[top]).length;
      for (const interval of [Interval.DAY, Interval.WEEK, Interval.MONTH]) {
        for (const top of tops) {
          const [row] = await own.gateway.read(translateSeries(AttributionDimension.SPEAKER, interval, { about: id }, top));
          expect({ id, interval, top, counts: inOrder(row as unknown as SeriesCounts) }).toEqual({
            id,
            interval,
            top,
            counts: await speakerSeriesCountedHere(own.gateway, id, interval, top),
          });
        }
      }
    }
    expect(tiedAtCut).toBeGreaterThan(0);
  }, 120_000);
});
