/**
 * The query API on the seeded story: batching (round trips do not grow with page size),
 * keyset pagination, and the errors a client gets for bad input.
 */
import { ArticleResolver } from '../../src/graph/article/article.resolver';
import type { ArticleHeader } from '../../src/graph/article/article.type';
import { createContext } from '../../src/context';
import { ArticleHistoryResolver } from '../../src/graph/editorial/history.resolver';
import { EntityResolver } from '../../src/graph/entity/entity.resolver';
import type { EntityHeader } from '../../src/graph/entity/entity.type';
import { NO_INCLUDES, statementsByIdText } from '../../src/graph/statement/statement.cypher';
import { evidenceInOrder, statementsById } from '../../src/graph/statement/statement.repository';
import { EvidenceResolver, StatementResolver } from '../../src/graph/statement/statement.resolver';
import type { Evidence, StatementHeader } from '../../src/graph/statement/statement.type';
import { driverForTests } from '../helpers/failing-gateways';
import { storyHarness, storyScratch, type StoryScratch } from '../helpers/graph';

const harness = storyHarness();

const LISTING = `
  query Listing($first: Int) {
    statements(first: $first) {
      edges {
        node {
          id
          text
          speaker { id name ... on Person { roles { title organization { name } place { name } } } }
          about { id name }
          reportedBy { id name }
          evidence { start end article { id title } }
        }
      }
    }
  }`;

describe('round trips to Neo4j', () => {
  it('are the same for 2 and for 20 statements with speaker, roles, about, reportedBy and evidence.article', async () => {
    const two = await harness.execute(LISTING, { first: 2 });
    const twenty = await harness.execute(LISTING, { first: 20 });
    expect(two.errors).toBeUndefined();
    expect(twenty.errors).toBeUndefined();
    expect((twenty.data?.statements as { edges: unknown[] }).edges).toHaveLength(20);
    // The page brings its statements' speakers, roles, topics, outlets and evidence articles along.
    expect({ two: two.roundTrips, twenty: twenty.roundTrips }).toEqual({ two: 1, twenty: 1 });
  });

  it('are one for a statement by id with its speaker and evidence, and two for an id no live statement has (then the retracted are asked)', async () => {
    const query = `query($id: ID!) { statement(id: $id) { id text speaker { id name } evidence { start end article { id title } } } }`;
    const page = await harness.data(`{ statements(first: 1) { edges { node { id } } } }`);
    const id = (page.statements as { edges: { node: { id: string } }[] }).edges[0]?.node.id as string;
    const live = await harness.execute(query, { id });
    expect(live.errors).toBeUndefined();
    expect({ id: (live.data?.statement as { id: string } | null)?.id, roundTrips: live.roundTrips }).toEqual({ id, roundTrips: 1 });
    const unknown = await harness.execute(query, { id: 'statement:no-such-article:1' });
    expect({ errors: unknown.errors, statement: unknown.data?.statement, roundTrips: unknown.roundTrips }).toEqual({ errors: undefined, statement: null, roundTrips: 2 });
  });

  it('bring only the first evidence when `evidence` alone is selected, the one the repository would put first', async () => {
    // A story statement made to appear in three more articles: undated, of the same day with
    // a smaller id, and later; in a transaction that is rolled back, so the story is unchanged.
    const driver = driverForTests();
    const session = driver.session();
    const tx = await session.beginTransaction();
    try {
      const [row] = (await tx.run('MATCH (s:Statement)-[r:APPEARS_IN]->(a:Article) RETURN s.id AS id, a.publishedAt AS day, r.start AS start LIMIT 1')).records;
      const id = row?.get('id') as string;
      await tx.run(
        `MATCH (s:Statement {id: $id})
         UNWIND [{id: 'article:zz-undated', day: null}, {id: 'article:0-same-day', day: $day}, {id: 'article:later', day: '2099-01-01'}] AS extra
         CREATE (a:Article {id: extra.id, title: extra.id, publishedAt: extra.day})
         CREATE (s)-[:APPEARS_IN {start: $start, end: $start + 1, sentence: 'x'}]->(a)`,
        { id, day: row?.get('day'), start: row?.get('start') },
      );
      const evidenceOf = async (firstEvidenceOnly: boolean) => {
        const text = statementsByIdText({ ...NO_INCLUDES, evidence: true, articles: true, firstEvidenceOnly });
        const [found] = (await tx.run(text, { ids: [id] })).records;
        const details = (found?.get('statement') as { details: Record<'evidence' | 'firstEvidence', Parameters<typeof evidenceInOrder>[0]> }).details;
        return firstEvidenceOnly ? details.firstEvidence : details.evidence;
      };
      const all = evidenceInOrder(await evidenceOf(false), id);
      const first = await evidenceOf(true);
      expect(all.map((e) => e.articleId).slice(0, 2)).toEqual(['article:zz-undated', 'article:0-same-day']);
      expect(first).toHaveLength(1);
      expect(evidenceInOrder(first, id)).toEqual([all[0]]);
    } finally {
      await tx.rollback();
      await session.close();
      await driver.close();
    }
  });

  it("bring an evidence's sentence only when it is selected, and answer it when reached without it", async () => {
    const page = await harness.data(`{ statements(first: 1) { edges { node { id } } } }`);
    const id = (page.statements as { edges: { node: { id: string } }[] }).edges[0]?.node.id as string;
    const [spanOnly] = (await statementsById(createContext(harness.gateway).db, [id], { ...NO_INCLUDES, evidence: true, firstEvidenceOnly: true, sentences: false })).values();
    const brought = spanOnly?.details?.firstEvidence?.[0];
    expect(brought).toBeDefined();
    expect({ sentence: brought?.sentence, sentenceStart: brought?.sentenceStart, statementId: brought?.statementId }).toEqual({ sentence: undefined, sentenceStart: undefined, statementId: id });

    // The same request asks for the span alone and with its sentence: each gets its own, in one round trip each.
    const both = await harness.execute(`query($id: ID!) {
      span: statement(id: $id) { evidence { start end } evidences { start } }
      sentence: statement(id: $id) { evidence { start sentence sentenceStart } evidences { sentence } }
    }`, { id });
    expect(both.errors).toBeUndefined();
    const whole = await harness.data(`query($id: ID!) { statement(id: $id) { evidence { start end sentence sentenceStart } evidences { sentence } } }`, { id });
    const wholeEvidence = (whole.statement as { evidence: { sentence: string; sentenceStart: number } }).evidence;
    expect(wholeEvidence.sentence.length).toBeGreaterThan(0);
    expect((both.data?.sentence as { evidence: unknown }).evidence).toEqual({ start: (both.data?.span as { evidence: { start: number } }).evidence.start, sentence: wholeEvidence.sentence, sentenceStart: wholeEvidence.sentenceStart });
    expect((both.data?.sentence as { evidences: unknown }).evidences).toEqual((whole.statement as { evidences: unknown }).evidences);

    // An evidence that came without its sentence (a selection the lookahead could not see) loads it.
    const ctx = createContext(harness.gateway);
    const resolver = new EvidenceResolver();
    const loaded = await Promise.all([resolver.sentence(brought as Evidence, ctx), resolver.sentenceStart(brought as Evidence, ctx)]);
    expect(loaded).toEqual([wholeEvidence.sentence, wholeEvidence.sentenceStart]);
    expect(ctx.trips.count).toBe(1);
  });

  it('give the same answer whether a query brings the nested fields along or they are fetched one level at a time', async () => {
    // Through a named fragment the lookahead still sees what is selected.
    const said = `fragment Said on Statement {
      id text
      speaker { id name ... on Person { roles { title former organization { id name } place { id name } } } }
      about { id name } reportedBy { id name } evidence { start end sentence article { id title publishedAt } } evidences { start article { id } }
    }`;
    const page = await harness.execute(`${said} query { statements(first: 100) { edges { node { ...Said } } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.roundTrips).toBe(1);
    const nodes = (page.data?.statements as { edges: { node: { id: string } }[] }).edges.map((e) => e.node);
    expect(nodes).toHaveLength(24);
    for (const expected of nodes) {
      // `node(id)` brings nothing along: each nested field is fetched by its own resolver.
      const viaNode = await harness.execute(`${said} query($id: ID!) { node(id: $id) { ...Said } }`, { id: expected.id });
      const viaStatement = await harness.execute(`${said} query($id: ID!) { statement(id: $id) { ...Said } }`, { id: expected.id });
      expect(viaNode.roundTrips).toBeGreaterThan(1);
      expect(viaStatement.roundTrips).toBe(1);
      expect(viaNode.data?.node).toEqual(expected);
      expect(viaStatement.data?.statement).toEqual(expected);
    }
  });

  it('answer fields a page did not bring along for a statement that page holds', async () => {
    // The page brings only `about`; the statements Ratcliffe quotes Trump inside are in the
    // same page, and their speaker and evidence are asked for through quotedIn.
    const result = await harness.execute(`query { statements(first: 100) { edges { node { id about { id } quotedIn { id speaker { id } evidence { start end } about { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.statements as { edges: { node: { id: string; about: unknown; quotedIn: { id: string } | null } }[] }).edges.map((e) => e.node);
    const quoted = nodes.filter((n) => n.quotedIn !== null);
    expect(quoted.length).toBeGreaterThan(0);
    for (const node of quoted) {
      const outer = node.quotedIn as { id: string };
      const expected = await harness.execute(`query($id: ID!) { node(id: $id) { ... on Statement { id speaker { id } evidence { start end } about { id } } } }`, { id: outer.id });
      expect(outer).toEqual(expected.data?.node);
      expect(nodes.find((n) => n.id === outer.id)?.about).toEqual((expected.data?.node as { about: unknown }).about);
    }
  });

  it('answer a statement reached again in the request from what its page brought along, with no trip of its own', async () => {
    const result = await harness.execute(`query { statements(first: 100) { edges { node { id speaker { id } about { id } quotedIn { id speaker { id } about { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    type Node = { id: string; speaker: unknown; about: unknown; quotedIn: { id: string } | null };
    const nodes = (result.data?.statements as { edges: { node: Node }[] }).edges.map((e) => e.node);
    const quoted = nodes.filter((n) => n.quotedIn !== null);
    expect(quoted.length).toBeGreaterThan(0);
    for (const node of quoted) {
      const outer = nodes.find((n) => n.id === node.quotedIn?.id) as Node;
      expect(node.quotedIn).toEqual({ id: outer.id, speaker: outer.speaker, about: outer.about });
    }
    // The page, then the quoting statements' own records; their speakers and topics came with the page.
    expect(result.roundTrips).toBe(2);
  });

  it("type a speaker brought along as a header by its id, as the entity's labels type it", async () => {
    const result = await harness.execute(`query { statements(first: 100) { edges { node { speaker { __typename id } } } } }`);
    expect(result.errors).toBeUndefined();
    const speakers = new Map((result.data?.statements as { edges: { node: { speaker: { __typename: string; id: string } } }[] }).edges.map((e) => [e.node.speaker.id, e.node.speaker.__typename]));
    const byLabels = new Map<string, string>();
    for (const id of speakers.keys()) {
      const entity = await harness.execute(`query($id: ID!) { entity(id: $id) { __typename } }`, { id });
      byLabels.set(id, (entity.data?.entity as { __typename: string }).__typename);
    }
    expect(speakers.size).toBeGreaterThan(1);
    expect(speakers).toEqual(byLabels);
  });

  it('bring an evidence article’s text along only when it is selected, and give the same text either way', async () => {
    const page = (articleFields: string): string => `query { statements(first: 100) { edges { node { id evidence { start end article { ${articleFields} } } } } } }`;
    type Page = { statements: { edges: { node: { id: string; evidence: { start: number; end: number; article: { id: string; text?: string } } } }[] } };
    const withText = await harness.execute(page('id title text'));
    const withoutText = await harness.execute(page('id title'));
    expect([withText.errors, withoutText.errors]).toEqual([undefined, undefined]);
    // A page brings its articles without their text; the text is read once per article, in one more trip.
    expect([withText.roundTrips, withoutText.roundTrips]).toEqual([2, 1]);
    const edges = (withText.data as Page).statements.edges;
    // A direct quote's span indexes into the text that came along.
    const quote = edges.find((e) => e.node.evidence.article.text?.slice(e.node.evidence.start, e.node.evidence.end).includes('Ukraine'));
    expect(quote).toBeDefined();
    // Without the text selected, the article that came along is not what the article loader
    // answers from: reached again through node(id) (evidence, then its article, loaded after
    // the statement's answer was in), the same request gets the whole text.
    const first = edges[0]?.node as Page['statements']['edges'][number]['node'];
    const mixed = await harness.execute(
      `query($id: ID!) { statement(id: $id) { evidence { article { id title } } } node(id: $id) { ... on Statement { evidence { article { text } } } } }`,
      { id: first.id },
    );
    expect(mixed.errors).toBeUndefined();
    expect((mixed.data?.node as { evidence: { article: { text: string } } }).evidence.article.text).toBe(first.evidence.article.text);
    // An article that came along without its text (the client's selection named no text)
    // still answers `text` when it is asked by a path the lookahead did not see.
    const full = first.evidence.article as { id: string; text: string };
    const context = createContext(harness.gateway);
    const header = (await harness.data(`query($id: ID!) { article(id: $id) { id title url publishedAt } }`, { id: full.id })).article as ArticleHeader;
    await expect(Promise.resolve(new ArticleResolver().text(header, context))).resolves.toBe(full.text);
    expect(context.trips.count).toBe(1);
  });

  it('bring an evidence article’s url, date and retraction along only when selected, and load them when reached without them', async () => {
    const page = await harness.data(`{ statements(first: 1) { edges { node { id } } } }`);
    const id = (page.statements as { edges: { node: { id: string } }[] }).edges[0]?.node.id as string;
    const [titleOnly] = (await statementsById(createContext(harness.gateway).db, [id], { ...NO_INCLUDES, evidence: true, firstEvidenceOnly: true, articles: true })).values();
    const article = titleOnly?.details?.firstEvidence?.[0]?.article as ArticleHeader;
    expect(Object.keys(article).sort()).toEqual(['__typename', 'id', 'title']);

    const selected = await harness.execute(`query($id: ID!) { statement(id: $id) { evidence { article { id url publishedAt retracted { reason } } } } }`, { id });
    expect(selected.errors).toBeUndefined();
    expect(selected.roundTrips).toBe(1);
    const whole = (selected.data?.statement as { evidence: { article: { url: string | null; publishedAt: string | null; retracted: unknown } } }).evidence.article;
    const direct = await harness.data(`query($id: ID!) { article(id: $id) { url publishedAt } }`, { id: article.id });
    expect({ url: whole.url, publishedAt: whole.publishedAt }).toEqual(direct.article);
    expect(whole.publishedAt).toEqual(expect.any(String));

    // Reached by a path the lookahead did not see, the header loads the article once for all three.
    const context = createContext(harness.gateway);
    const loaded = await Promise.all([new ArticleResolver().url(article, context), new ArticleResolver().publishedAt(article, context), new ArticleHistoryResolver().retracted(article, context)]);
    expect(loaded).toEqual([whole.url, whole.publishedAt, null]);
    expect(context.trips.count).toBe(1);
  });

  it('bring a statement’s and its entities’ other fields along only when selected, and answer them the same either way', async () => {
    const entity = `id name aliases description ... on Organization { kind } ... on Place { kind } ... on Policy { status date { date text precision } } ... on Event { date { date text precision } }`;
    const whole = `id text kind venue date { date text precision } quotedIn { id } speaker { ${entity} } about { ${entity} } reportedBy { id name aliases description kind }`;
    type Whole = { id: string; text: string; kind: string; venue: string | null; quotedIn: { id: string } | null; speaker: { id: string; name: string; aliases: string[]; description: string | null }; about: { id: string; name: string }[] };
    const page = await harness.execute(`query { statements(first: 100) { edges { node { ${whole} } } } }`);
    expect(page.errors).toBeUndefined();
    // Selected, they come with the page: no trip of their own. The second trip loads the
    // statements named by quotedIn.
    expect(page.roundTrips).toBe(2);
    const nodes = (page.data?.statements as { edges: { node: Whole }[] }).edges.map((e) => e.node);
    expect(nodes.filter((n) => n.venue !== null).length).toBeGreaterThan(0);
    expect(nodes.filter((n) => n.quotedIn !== null).length).toBeGreaterThan(0);
    expect(nodes.filter((n) => n.speaker.aliases.length > 0 && n.speaker.description !== null).length).toBeGreaterThan(0);
    for (const expected of nodes) {
      // node(id) loads whole records, field by field.
      const viaNode = await harness.execute(`query($id: ID!) { node(id: $id) { ... on Statement { ${whole} } } }`, { id: expected.id });
      expect(viaNode.data?.node).toEqual(expected);
    }
    // Not selected, the page brings headers; what it shows is the same.
    const narrow = await harness.execute(`query { statements(first: 100) { edges { node { id text kind speaker { id name } about { id name } } } } }`);
    expect(narrow.roundTrips).toBe(1);
    const shown = nodes.map(({ id, text, kind, speaker, about }) => ({ id, text, kind, speaker: { id: speaker.id, name: speaker.name }, about: about.map((a) => ({ id: a.id, name: a.name })) }));
    expect((narrow.data?.statements as { edges: { node: unknown }[] }).edges.map((e) => e.node)).toEqual(shown);

    // A header reached by a path the lookahead did not see: each missing field loads the
    // whole record, one trip for the statement and one for its speaker.
    const sample = nodes.find((n) => n.venue !== null && n.speaker.description !== null) as Whole;
    const context = createContext(harness.gateway);
    const includes = { ...NO_INCLUDES, speaker: true, statementFields: false, entityFields: false };
    const header = (await statementsById(context.db, [sample.id], includes)).get(sample.id) as StatementHeader;
    expect(header).not.toHaveProperty('venue');
    expect(header.details?.speaker).not.toHaveProperty('description');
    const before = context.trips.count;
    const statements = new StatementResolver();
    await expect(Promise.resolve(statements.venue(header, context))).resolves.toBe(sample.venue);
    await expect(statements.quotedIn(header, context)).resolves.toEqual(sample.quotedIn === null ? null : expect.objectContaining(sample.quotedIn));
    const speaker = header.details?.speaker as EntityHeader;
    await expect(Promise.resolve(new EntityResolver().description(speaker, context))).resolves.toBe(sample.speaker.description);
    await expect(Promise.resolve(new EntityResolver().aliases(speaker, context))).resolves.toEqual(sample.speaker.aliases);
    expect(context.trips.count - before).toBe(2 + (sample.quotedIn === null ? 0 : 1));
  });

  it('are the same for 2 and for 7 people with a page of their statements each', async () => {
    const query = `query($n: Int) { people(first: $n) { edges { node { name statements(first: 3) { totalCount edges { node { text about { id } } } } } } } }`;
    const two = await harness.execute(query, { n: 2 });
    const seven = await harness.execute(query, { n: 7 });
    // people page + statement pages (bringing `about` along) + their counts
    expect({ two: two.roundTrips, seven: seven.roundTrips }).toEqual({ two: 3, seven: 3 });
  });
});

/**
 * A publisher is given to a story article for this test: on a copy of the story in a scratch
 * graph, since a commit to the shared story database would end the kept answers of the files
 * reading it meanwhile.
 */
describe('round trips to Neo4j, on a story article given a publisher', () => {
  let scratch: StoryScratch;
  storyScratch((opened) => (scratch = opened));

  it('load an evidence article’s publisher only when it is selected, in one trip, and give the article’s own publisher', async () => {
    // The story's articles name no publisher: one is given one for this test.
    const { harness } = scratch;
    const session = scratch.graph.gateway.driver.session();
    const [row] = (
      await session.run(
        `MATCH (a:Article) WHERE NOT (a)-[:PUBLISHED_BY]->() AND (a)<-[:APPEARS_IN]-(:Statement)
         WITH a ORDER BY a.id LIMIT 1
         MATCH (o:Organization) WITH a, o ORDER BY o.id LIMIT 1
         CREATE (a)-[l:PUBLISHED_BY]->(o)
         RETURN a.id AS article, {id: o.id, name: o.name} AS publisher, elementId(l) AS link, [(a)<-[:APPEARS_IN]-(s:Statement) | s.id][0] AS statement`,
      )
    ).records;
    try {
      const article = row?.get('article') as string;
      const publisher = row?.get('publisher') as { id: string; name: string };
      type Answer = { statement: { evidences: { article: { id: string; title?: string; publisher?: unknown } }[] } };
      const evidenceArticle = (answer: { data?: unknown }) => (answer.data as Answer).statement.evidences.find((e) => e.article.id === article)?.article;
      const query = (articleFields: string): string => `query($id: ID!) { statement(id: $id) { evidences { article { ${articleFields} } } } }`;
      const withPublisher = await harness.execute(query('id publisher { id name }'), { id: row?.get('statement') });
      const without = await harness.execute(query('id title'), { id: row?.get('statement') });
      expect([withPublisher.errors, without.errors]).toEqual([undefined, undefined]);
      // The statement, then the publishers of its articles, all in one trip.
      expect([withPublisher.roundTrips, without.roundTrips]).toEqual([2, 1]);
      expect(evidenceArticle(withPublisher)).toEqual({ id: article, publisher });
      expect((await harness.data(`query($id: ID!) { article(id: $id) { publisher { id name } } }`, { id: article })).article).toEqual({ publisher });
      const header = evidenceArticle(without) as ArticleHeader;
      const context = createContext(harness.gateway);
      const found = await new ArticleResolver().publisher(header, context);
      expect({ publisher: found && { id: found.id, name: found.name }, trips: context.trips.count }).toEqual({ publisher, trips: 1 });
    } finally {
      await session.close();
    }
  });
});

describe('a person looked up with roles', () => {
  const roles = `roles { title former organization { id name } place { id name } }`;

  it('brings the roles along: the person, then their statements, two trips', async () => {
    const result = await harness.execute(
      `query($id: ID!) { person(id: $id) { id name ${roles} statements(first: 5) { edges { node { id about { id } } } } } }`,
      { id: 'person:mike-waltz' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.roundTrips).toBe(2);
  });

  it('gives the same roles as asking for them one level at a time, through person, entity and node', async () => {
    const people = (await harness.data(`{ people(first: 100) { edges { node { id ${roles} } } } }`)) as { people: { edges: { node: { id: string; roles: unknown[] } }[] } };
    const withRoles = people.people.edges.map((e) => e.node).filter((p) => p.roles.length > 0);
    expect(withRoles.length).toBeGreaterThan(3);
    for (const expected of withRoles) {
      // `node(id)` brings nothing along; `person` and `entity` bring the roles with the person.
      const viaNode = await harness.execute(`query($id: ID!) { node(id: $id) { id ... on Person { ${roles} } } }`, { id: expected.id });
      const viaPerson = await harness.execute(`query($id: ID!) { person(id: $id) { id ${roles} } }`, { id: expected.id });
      const viaEntity = await harness.execute(`query($id: ID!) { entity(id: $id) { id ... on Person { ${roles} } } }`, { id: expected.id });
      expect(viaNode.data?.node).toEqual(expected);
      expect(viaPerson.data?.person).toEqual(expected);
      expect(viaEntity.data?.entity).toEqual(expected);
      expect([viaNode.roundTrips, viaPerson.roundTrips, viaEntity.roundTrips]).toEqual([2, 1, 1]);
    }
  });

  it('leaves an entity that is not a person as it is', async () => {
    const organizations = (await harness.data(`{ organizations(first: 1) { edges { node { id name } } } }`)) as { organizations: { edges: { node: { id: string } }[] } };
    const organization = organizations.organizations.edges[0]?.node;
    const result = await harness.execute(`query($id: ID!) { entity(id: $id) { id name ... on Person { ${roles} } } }`, { id: organization?.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.entity).toEqual(organization);
  });
});

describe('pagination', () => {
  it('walks every statement exactly once, in order, with first: 2, and totalCount matches', async () => {
    const all = await harness.data(`{ statements(first: 100) { totalCount edges { node { id } } } }`);
    const expected = (all.statements as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = (await harness.data(
        `query($after: String) { statements(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      )) as { statements: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      pages += 1;
      expect(page.statements.totalCount).toBe(24);
      seen.push(...page.statements.edges.map((e) => e.node.id));
      if (!page.statements.pageInfo.hasNextPage) break;
      after = page.statements.pageInfo.endCursor;
    }
    expect(pages).toBe(12);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(24);
  });

  it('walks a person’s statements and an entity list the same way', async () => {
    const walk = async (query: string, pick: (d: Record<string, unknown>) => { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const connection = pick(await harness.data(query, { after }));
        ids.push(...connection.edges.map((e) => e.node.id));
        if (!connection.pageInfo.hasNextPage) return ids;
        after = connection.pageInfo.endCursor;
      }
    };
    const waltz = await walk(
      `query($after: String) { person(id: "person:mike-waltz") { statements(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
      (d) => (d.person as { statements: never }).statements,
    );
    expect(waltz).toHaveLength(7);
    const places = await walk(`query($after: String) { places(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, (d) => d.places as never);
    expect(places).toEqual(['place:europe', 'place:france', 'place:paris', 'place:russia', 'place:ukraine', 'place:united-states']);
  });
});

describe('errors', () => {
  const codeAndMessage = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await harness.execute(query, variables);
    return (result.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message }));
  };

  it('gives null for a well-formed id that names nothing', async () => {
    expect(await harness.data(`{ node(id: "person:nobody") { id } person(id: "person:nobody") { id } statement(id: "statement:x:1-2") { id } }`)).toEqual({
      node: null,
      person: null,
      statement: null,
    });
  });

  it('gives BAD_USER_INPUT for a malformed id, saying what an id looks like', async () => {
    expect(await codeAndMessage(`{ node(id: "Mike Waltz") { id } }`)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'id must be an id like person:mike-waltz, org:cia, place:ukraine; received "Mike Waltz"' },
    ]);
    expect(await codeAndMessage(`{ person(id: "org:cia") { id } }`)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'id must be a Person id like person:mike-waltz; received "org:cia"' },
    ]);
  });

  it('gives BAD_USER_INPUT for a cursor that is not one of the list’s', async () => {
    expect(await codeAndMessage(`{ statements(after: "not-a-cursor") { totalCount } }`)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'after must be a cursor from this list\'s edges (a Statement cursor); received "not-a-cursor"' },
    ]);
  });

  it('gives BAD_USER_INPUT for a bad filter and for first above the maximum', async () => {
    expect(await codeAndMessage(`{ statements(filter: { reportedBy: "person:mike-waltz" }) { totalCount } }`)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'filter.reportedBy must be an Organization id like org:cia; received "person:mike-waltz"' },
    ]);
    expect(await codeAndMessage(`{ statements(first: 101) { totalCount } }`)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'first must be a whole number from 0 to 100; received 101' },
    ]);
    expect(await codeAndMessage(`{ statements(filter: { kind: QUOTE }) { totalCount } }`)).toEqual([
      { code: 'GRAPHQL_VALIDATION_FAILED', message: 'Value "QUOTE" does not exist in "StatementKind" enum.' },
    ]);
  });

  it('filters combine: Waltz’s statements reported by the FT', async () => {
    const data = await harness.data(`{ statements(filter: { speaker: "person:mike-waltz", reportedBy: "org:financial-times", kind: PARTIAL }) { totalCount edges { node { text } } } }`);
    expect(data).toEqual({ statements: { totalCount: 2, edges: [{ node: { text: 'good talks' } }, { node: { text: 'very short order.' } }] } });
  });
});
