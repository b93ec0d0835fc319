/**
 * A page of an anchor's statements (a person's, a policy's, an outlet's, an article's) is
 * chosen two ways (src/graph/statement/statement.cypher.ts, anchoredPage): a dense anchor
 * walks the sortKey index and checks each statement for the link, stopping when the page is
 * full, and falls back to expanding the anchor's links when the walk gives up; a sparse one
 * expands and sorts. Whichever way runs, the page must be the one the plain query gives:
 * expand every link, sort by sortKey, take the first rows after the cursor. Checked for every
 * anchor of the story, every cursor position and several page sizes, with the walk's length
 * as the product sets it and cut short so that the fallback has to finish the page.
 */
import { cypher } from '../../src/db/cypher';
import type { Neo4jGateway } from '../../src/db/gateway';
import { ANCHORS, NO_INCLUDES, SCAN_PER_ROW, translateAnchoredPages, translateStatementPage, type Anchor, type StatementFilterValues } from '../../src/graph/statement/statement.cypher';
import { storyHarness } from '../helpers/graph';

const harness = storyHarness();
let gateway: Neo4jGateway;

beforeAll(() => {
  gateway = harness.gateway;
});

const FILTER_FIELD: Readonly<Record<Anchor, keyof StatementFilterValues>> = { said: 'speaker', about: 'about', reportedBy: 'reportedBy', article: 'article' };

/** Every node some statement links to by this anchor's relationship. */
async function anchorIds(anchor: Anchor): Promise<string[]> {
  const pattern = ANCHORS[anchor].replace('{id: key.id}', '').replace(/\((:\w+)\s*\)/, '(x$1)');
  const rows = await gateway.read(cypher(`MATCH ${pattern} RETURN DISTINCT x.id AS id ORDER BY id`));
  return rows.map((r) => r.id as string);
}

/** The plain answer: every linked statement, in sortKey order. */
async function allOf(anchor: Anchor, id: string): Promise<{ id: string; sortKey: string }[]> {
  const pattern = ANCHORS[anchor].replace('key.id', '$id');
  const rows = await gateway.read(cypher(`MATCH ${pattern} RETURN s.id AS id, s.sortKey AS sortKey ORDER BY s.sortKey`, { id }));
  return rows as { id: string; sortKey: string }[];
}

describe('anchored statement pages', () => {
  it('reach both ways on the story: some anchors are dense, some sparse', async () => {
    const total = (await gateway.read(cypher('MATCH (s:Statement) RETURN count(s) AS n')))[0]?.n as number;
    const degrees = await Promise.all((await anchorIds('about')).map(async (id) => (await allOf('about', id)).length));
    expect(degrees.some((d) => d * 14 >= total)).toBe(true);
    expect(degrees.some((d) => d * 14 < total)).toBe(true);
  });

  for (const anchor of Object.keys(ANCHORS) as Anchor[]) {
    it(`${anchor}: the statements filter gives the plain query's page for every anchor, cursor and size, walked in full or cut short`, async () => {
      const ids = await anchorIds(anchor);
      expect(ids.length).toBeGreaterThan(0);
      let compared = 0;
      for (const id of ids) {
        const all = await allOf(anchor, id);
        for (let position = -1; position < all.length; position++) {
          const after = position < 0 ? null : ([(all[position] as { sortKey: string }).sortKey, (all[position] as { id: string }).id] as const);
          const rest = all.slice(position + 1).map((s) => s.id);
          for (const limit of [1, 2, 5]) {
            const query = translateStatementPage({ [FILTER_FIELD[anchor]]: id }, limit, after, NO_INCLUDES);
            for (const scan of [limit * SCAN_PER_ROW, 1, 3]) {
              const rows = await gateway.read(cypher(query.cypher, { ...query.params, scan }));
              expect({ id, position, limit, scan, page: rows.map((r) => (r.statement as { id: string }).id) }).toEqual({ id, position, limit, scan, page: rest.slice(0, limit) });
              compared += 1;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(ids.length * 9);
    });

    it(`${anchor}: a batch of pages, one per anchor and cursor, gives the same pages`, async () => {
      const ids = await anchorIds(anchor);
      const keys: { id: string; afterKey: string | null }[] = [];
      const expected: string[][] = [];
      for (const id of ids) {
        const all = await allOf(anchor, id);
        for (let position = -1; position < all.length; position += 2) {
          keys.push({ id, afterKey: position < 0 ? null : (all[position] as { sortKey: string }).sortKey });
          expected.push(all.slice(position + 1, position + 4).map((s) => s.id));
        }
      }
      keys.push({ id: 'person:nobody-at-all', afterKey: null });
      expected.push([]);
      const query = translateAnchoredPages(anchor, NO_INCLUDES, keys, 3);
      for (const scan of [3 * SCAN_PER_ROW, 2]) {
        const rows = await gateway.read(cypher(query.cypher, { ...query.params, scan }));
        const pages: string[][] = keys.map(() => []);
        for (const row of rows) pages[row.i as number] = (row.rows as { id: string }[]).map((s) => s.id);
        expect(pages).toEqual(expected);
      }
    });
  }
});
