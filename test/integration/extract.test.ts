/**
 * The `extractArticle` query against the real seeded graph: names resolve to the story's
 * entities (surname, title, abbreviation), new people are proposed, the graph is read once,
 * and nothing is written.
 */
import type { Neo4jGateway } from '../../src/db/gateway';
import { validateDocument } from '../../src/ingest/validate';
import { census, GraphQLHarness, testGateway } from '../helpers/graph';

let gateway: Neo4jGateway;
let harness: GraphQLHarness;
beforeAll(() => {
  gateway = testGateway();
  harness = new GraphQLHarness(gateway);
});
afterAll(async () => {
  await harness.stop();
  await gateway.close();
});

const EXTRACT = `
query Extract($text: String!, $title: String) {
  extractArticle(text: $text, title: $title) {
    articleId
    document
    newEntities
    knownEntities
    statements { index kind text start end speaker speakerMention venue reportedBy quotedIn confidence rule flags }
  }
}`;

const INGEST = `mutation Ingest($document: ArticleDocumentInput!) {
  ingestArticle(document: $document) { article }
}`;

const TEXT = [
  'Talks on intelligence sharing resume',
  'Waltz said on Thursday that talks with Ukraine would resume next week.',
  '“We are closer than we have ever been,” the CIA director told reporters.',
  'Macron said Europe was “ready to do more,” according to the FT.',
  'Nadia Koval, a Ukrainian lawmaker, said the pause had cost lives.',
  'Leave a Comment',
].join('\n');

describe('extractArticle', () => {
  it('resolves speakers and outlets against the graph, proposes the new ones, and writes nothing', async () => {
    const before = await census(gateway);
    const result = await harness.execute(EXTRACT, { text: TEXT, title: null });
    expect(result.errors).toBeUndefined();
    expect(result.roundTrips).toBe(1);
    expect(await census(gateway)).toEqual(before);

    const proposal = result.data?.extractArticle as {
      articleId: string;
      document: string;
      newEntities: string[];
      knownEntities: string[];
      statements: { speaker: string | null; kind: string; text: string; venue: string | null; reportedBy: string[]; rule: string; flags: string[]; index: number | null }[];
    };
    expect(proposal.articleId).toBe('article:talks-on-intelligence-sharing-resume');
    expect(proposal.statements.map(({ index, kind, speaker, text, venue, reportedBy, rule }) => ({ index, kind, speaker, text, venue, reportedBy, rule }))).toEqual([
      { index: 0, kind: 'INDIRECT', speaker: 'person:mike-waltz', text: 'Talks with Ukraine would resume next week.', venue: null, reportedBy: [], rule: 'indirect-speech-verb' },
      { index: 1, kind: 'DIRECT', speaker: 'person:john-ratcliffe', text: 'We are closer than we have ever been,', venue: 'told reporters', reportedBy: [], rule: 'quote-then-speaker-verb' },
      { index: 2, kind: 'PARTIAL', speaker: 'person:emmanuel-macron', text: 'ready to do more,', venue: null, reportedBy: ['org:financial-times'], rule: 'speaker-verb-quote' },
      { index: 3, kind: 'INDIRECT', speaker: 'person:nadia-koval', text: 'The pause had cost lives.', venue: null, reportedBy: [], rule: 'indirect-speech-verb' },
    ]);
    expect(proposal.statements[1]?.flags).toContain('title');
    expect(proposal.statements[3]?.flags).toContain('new-entity');
    expect(proposal.knownEntities).toEqual(['org:financial-times', 'person:emmanuel-macron', 'person:john-ratcliffe', 'person:mike-waltz', 'place:europe', 'place:ukraine']);
    expect(proposal.newEntities).toEqual(['person:nadia-koval']);

    // The document is ready for ingest: valid, defining only what the graph lacks, each
    // statement linked to the graph's places it names.
    const document = JSON.parse(proposal.document) as { entities: { id: string }[]; statements: { about?: string[] }[] };
    expect(document.statements.map((s) => s.about ?? [])).toEqual([['place:ukraine'], [], ['place:europe'], []]);
    const validation = validateDocument(document);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    expect(document.entities.map((e) => e.id)).toEqual(['person:nadia-koval']);
    expect(validation.ok ? [...validation.document.external.keys()].sort() : []).toEqual(proposal.knownEntities);
  });

  it('resolves the story itself to the ids it was loaded with', async () => {
    const story = await gateway.read({ cypher: 'MATCH (a:Article) RETURN a.text AS text, a.title AS title ORDER BY a.id LIMIT 1', params: {} });
    const result = await harness.data(EXTRACT, { text: story[0]?.text, title: story[0]?.title });
    const statements = (result.extractArticle as { statements: { speaker: string | null }[] }).statements;
    expect([...new Set(statements.map((s) => s.speaker))].sort()).toEqual([
      'person:donald-trump',
      'person:emmanuel-macron',
      'person:john-ratcliffe',
      'person:karoline-leavitt',
      'person:mick-mulroy',
      'person:mike-waltz',
    ]);
  });

  it('proposes a document the ingestArticle mutation takes unchanged, review list included', async () => {
    const proposal = (await harness.data(EXTRACT, { text: TEXT, title: null })).extractArticle as { document: string };
    const document = JSON.parse(proposal.document) as { review: unknown[] };
    expect(document.review.length).toBeGreaterThan(0);
    // Without an API key nothing is written; the answer shows the document got past the
    // input types to the resolver, which is where a rejected `review` key used to stop it.
    const before = await census(gateway);
    const result = await harness.execute(INGEST, { document });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await census(gateway)).toEqual(before);
  });

  it('rejects empty text with a message that says what it expected', async () => {
    const result = await harness.execute(EXTRACT, { text: '   ', title: null });
    expect(result.errors?.map((e) => ({ message: e.message, code: e.extensions?.code }))).toEqual([
      { message: 'text must be the article text; received an empty string', code: 'BAD_USER_INPUT' },
    ]);
  });
});
