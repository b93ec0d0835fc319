/**
 * A listing that shows a statement's header and at most its speaker's id and name reads each
 * statement as a list of plain values rather than as maps (src/graph/statement/statement.cypher.ts
 * `readAsList`, private to it). Whichever form a query returns, the repository must give the
 * same statements: checked here against the map form of the same fields (with the statement's
 * other fields asked too, which keeps the map), for every page of the story in every order,
 * for a batch of anchored pages, and for lookups by id.
 */
import { createContext } from '../../src/context';
import { cypher } from '../../src/db/cypher';
import type { Db } from '../../src/db/gateway';
import { NO_INCLUDES, PAGE_ORDERS, translateStatementPage, type StatementIncludes } from '../../src/graph/statement/statement.cypher';
import { pagesByAnchor, statementPage, statementsById } from '../../src/graph/statement/statement.repository';
import type { StatementHeader, StatementOrder } from '../../src/graph/statement/statement.type';
import { storyHarness } from '../helpers/graph';

const harness = storyHarness();
let db: Db;

beforeAll(() => {
  db = createContext(harness.gateway).db;
});

const HEADER: StatementIncludes = { ...NO_INCLUDES, statementFields: false, entityFields: false };
const WITH_SPEAKER: StatementIncludes = { ...HEADER, speaker: true };
/** The same fields and speaker, read as maps: the statement's other fields keep the map form. */
const AS_MAPS: StatementIncludes = { ...WITH_SPEAKER, statementFields: true };

/** What both forms carry: the header, the order keys a page brings, and the speaker's type, id and name. */
function shown(s: StatementHeader): unknown {
  const speaker = s.details?.speaker;
  return {
    id: s.id,
    type: s.__typename,
    text: s.text,
    kind: s.kind,
    sortKey: s.sortKey,
    dayKey: s.dayKey,
    details: s.details === undefined ? undefined : Object.keys(s.details),
    speaker: speaker && { type: speaker.__typename, id: speaker.id, name: speaker.name },
  };
}

describe('statements read as lists', () => {
  it('are read so only for a header with at most its speaker', () => {
    const listed = (includes: StatementIncludes): boolean => /RETURN \[s\.id, s\.text, s\.kind, s\.sortKey[^\]]*\] AS statement/.test(translateStatementPage({}, 3, null, includes).cypher);
    expect([HEADER, WITH_SPEAKER].map(listed)).toEqual([true, true]);
    expect([AS_MAPS, NO_INCLUDES, { ...WITH_SPEAKER, roles: true }, { ...WITH_SPEAKER, about: true }, { ...HEADER, evidence: true }].map(listed)).toEqual([false, false, false, false, false]);
    expect(translateStatementPage({}, 3, null, WITH_SPEAKER).cypher).toMatch(/RETURN \[s\.id, s\.text, s\.kind, s\.sortKey, speaker\.id, speaker\.name\] AS statement/);
  });

  for (const order of Object.keys(PAGE_ORDERS) as StatementOrder[]) {
    it(`${order}: every page of the story, 3 at a time, is the map form's page`, async () => {
      let after: readonly [string | number, string] | null = null;
      let pages = 0;
      for (;;) {
        const [listed, mapped, bare] = await Promise.all([WITH_SPEAKER, AS_MAPS, HEADER].map((includes) => statementPage(db, {}, 3, after, includes, order)));
        const listedShown = (listed?.edges ?? []).map((e) => shown(e.node));
        expect(listedShown).toEqual((mapped?.edges ?? []).map((e) => shown(e.node)));
        expect(listedShown.every((s) => (s as { speaker: unknown }).speaker !== null)).toBe(true);
        expect((bare?.edges ?? []).map((e) => e.node.details)).toEqual((bare?.edges ?? []).map(() => undefined));
        expect(listed?.edges.map((e) => e.cursor)).toEqual(mapped?.edges.map((e) => e.cursor));
        pages += 1;
        if (!listed?.pageInfo.hasNextPage) break;
        const last = listed.edges[listed.edges.length - 1]?.node as StatementHeader;
        after = [(order === 'ARTICLE_ORDER' ? last.sortKey : last.dayKey) as string, last.id];
      }
      expect(pages).toBeGreaterThan(2);
    });
  }

  it('a batch of anchored pages and lookups by id give the map form', async () => {
    const speakers = (await db.read(cypher('MATCH (e:Entity)-[:SAID]->(:Statement) RETURN DISTINCT e.id AS id ORDER BY id'))).map((r) => r.id as string);
    expect(speakers.length).toBeGreaterThan(2);
    const keys = (includes: StatementIncludes) => speakers.map((id) => ({ id, limit: 4, after: null, includes }));
    const [listed, mapped] = await Promise.all([WITH_SPEAKER, AS_MAPS].map((includes) => pagesByAnchor(db, 'said', keys(includes))));
    expect(listed?.map((page) => page.map(shown))).toEqual(mapped?.map((page) => page.map(shown)));
    const ids = (listed ?? []).flat().map((s) => s.id);
    expect(ids.length).toBeGreaterThan(speakers.length);
    const [byIdListed, byIdMapped] = await Promise.all([WITH_SPEAKER, AS_MAPS].map((includes) => statementsById(db, [...ids, 'statement:no-such-article:1'], includes)));
    expect([...(byIdListed?.values() ?? [])].map(shown)).toEqual([...(byIdMapped?.values() ?? [])].map(shown));
    expect(byIdListed?.size).toBe(ids.length);
  });
});
