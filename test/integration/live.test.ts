/**
 * statementChanges over a real WebSocket (graphql-ws's own client) to the real server, on a
 * scratch graph: changes written through the API, through the bulk loader `npm run ingest`
 * uses (on a Bolt connection of its own, as another process would), and by an editor's
 * retraction all arrive, in sequence order; a filter keeps out what it does not select; a
 * reconnect that passes the last sequence seen gets what it missed once each; a statement a
 * re-ingest deletes arrives as DELETED, to a reconnect too; and a subscription over a limit,
 * or with a bad argument, is refused when it is made. Last, the graph is emptied under the
 * running server: an open subscription ends with SEQUENCE_LOST. Every wait is for an event;
 * timeouts only bound a failure.
 */
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { keyring } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';
import { Neo4jGateway, type WriteTx } from '../../src/db/gateway';
import { bulkLoad } from '../../src/ingest/bulk-load';
import { cypher } from '../../src/db/cypher';
import { DELETIONS_KEPT_FOR } from '../../src/graph/live/live.cypher';
import { currentSequence, stampStatements } from '../../src/graph/live/live.repository';
import { scratchGraph, type ScratchGraph } from '../helpers/own-neo4j';
import { startTestServer, type TestServer } from '../helpers/server';

const INGESTER = 'feed-1:ingest:ingest-secret-0123456789';
const EDITOR = 'desk-1:editor:editor-secret-0123456789';
const bearer = (entry: string): Record<string, string> => ({ authorization: `Bearer ${entry.split(':').pop() as string}` });

const PEOPLE = {
  roe: { id: 'person:jane-roe', name: 'Jane Roe' },
  doe: { id: 'person:john-doe', name: 'John Doe' },
} as const;

/** An article of one quote, PARTIAL, by `who`; its statement's id comes with it. */
function quoteDocument(slug: string, who: { id: string; name: string }, words: string): { document: unknown; statement: string } {
  const text = `${who.name} said that ${words} in a statement on Friday.`;
  const start = text.indexOf(words);
  return {
    document: {
      article: { id: `article:${slug}`, title: `Note ${slug}`, text, publishedAt: '2025-03-07' },
      entities: [{ id: who.id, type: 'Person', name: who.name }],
      statements: [{ kind: 'PARTIAL', speaker: who.id, text: words, start, end: start + words.length }],
    },
    statement: `statement:${slug}:${start}-${start + words.length}`,
  };
}

/** An article of several quotes, PARTIAL, each by its speaker; the statements' ids in order. */
function quotesDocument(slug: string, quotes: readonly (readonly [{ id: string; name: string }, string])[]): { document: unknown; statements: string[] } {
  const text = quotes.map(([who, words]) => `${who.name} said that ${words}.`).join(' ');
  const spans = quotes.map(([, words]) => {
    const start = text.indexOf(words);
    return { start, end: start + words.length };
  });
  const people = [...new Map(quotes.map(([who]) => [who.id, who])).values()];
  return {
    document: {
      article: { id: `article:${slug}`, title: `Note ${slug}`, text, publishedAt: '2025-03-07' },
      entities: people.map((who) => ({ id: who.id, type: 'Person', name: who.name })),
      statements: quotes.map(([who, words], i) => ({ kind: 'PARTIAL', speaker: who.id, text: words, ...spans[i] })),
    },
    statements: spans.map(({ start, end }) => `statement:${slug}:${start}-${end}`),
  };
}

/** The same article with only its first `count` statements: a re-ingest that drops the rest. */
function shortened(document: unknown, count: number): unknown {
  const whole = document as { statements: unknown[] };
  return { ...whole, statements: whole.statements.slice(0, count) };
}

/** What a deletion can show: the id, and no statement. */
const DELETIONS = `subscription($filter: StatementFilter, $after: String) {
  statementChanges(filter: $filter, afterSequence: $after) { sequence change statementId statement { id } }
}`;

const CHANGES = `subscription($filter: StatementFilter, $after: String) {
  statementChanges(filter: $filter, afterSequence: $after) { sequence change statement { id text speaker { id name } } }
}`;

interface Change {
  readonly sequence: string;
  readonly change: string;
  readonly statementId?: string;
  readonly statement: { id: string; text: string; speaker: { id: string } };
}

/** What one subscription received, with a way to wait for what it should receive. */
class Received {
  readonly results: ExecutionResult[] = [];
  errors: readonly { message: string; extensions?: Record<string, unknown> }[] | null = null;
  completed = false;
  private readonly listeners = new Set<() => void>();

  readonly sink = {
    next: (result: ExecutionResult): void => this.record(() => this.results.push(result)),
    error: (error: unknown): void => this.record(() => (this.errors = Array.isArray(error) ? error : [{ message: String(error) }])),
    complete: (): void => this.record(() => (this.completed = true)),
  };

  get changes(): Change[] {
    return this.results.flatMap((r) => (r.data ? [(r.data as { statementChanges: Change }).statementChanges] : []));
  }

  idsSeen(): string[] {
    return this.changes.map((c) => c.statementId ?? c.statement.id);
  }

  /** The codes of the errors results carried (a subscription ended by the server). */
  errorCodes(): unknown[] {
    return this.results.flatMap((r) => (r.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.reason]));
  }

  /** Resolves once `done` holds; fails after `ms` naming `what`. */
  until(what: string, done: () => boolean, ms = 20_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.changes.map((c) => [c.sequence, c.change, c.statement.id]))}, errors ${JSON.stringify(this.errors)}`));
      }, ms);
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  /** Resolves once the subscription was refused or ended; fails otherwise. */
  refused(): Promise<void> {
    return this.until('a refusal', () => this.errors !== null || this.results.some((r) => r.errors !== undefined));
  }

  private record(change: () => void): void {
    change();
    for (const listener of [...this.listeners]) listener();
  }
}

let graph: ScratchGraph;
let api: TestServer;
/** Another Bolt connection to the same Neo4j, as `npm run ingest` in another process has. */
let cli: Neo4jGateway;
const clients: Client[] = [];

const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
/** Loads documents the way `npm run ingest` does (src/ingest/ingest.cli.ts → bulkLoad), each in a transaction of its own. */
const ingestFromCli = (documents: readonly unknown[]): Promise<unknown> =>
  bulkLoad(cli, documents, { batch: 1, deferSearchIndex: false, progress: { total: documents.length, unit: 'documents' }, out: quiet });

function connect(): Client {
  const client = createClient({ url: api.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

function subscribe(client: Client, variables: Record<string, unknown> = {}, query = CHANGES): Received {
  const received = new Received();
  client.subscribe({ query, variables }, received.sink);
  return received;
}

async function sequenceNow(): Promise<string> {
  const answer = await api.post('{ statementSequence }');
  return (answer.body.data as { statementSequence: string }).statementSequence;
}

const acceptedSoFar = (): number => api.logs.filter((l) => l.msg === 'subscribed').length;

/** Resolves once the server has accepted `count` subscriptions in all (its log says so). */
function accepted(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const look = (): void => {
      if (acceptedSoFar() >= count) return resolve();
      if (Date.now() - started > 20_000) return reject(new Error(`the server accepted fewer than ${count} subscriptions`));
      setTimeout(look, 10);
    };
    look();
  });
}

async function ingestThroughApi(document: unknown): Promise<void> {
  const answer = await api.post('mutation($d: ArticleDocumentInput!) { ingestArticle(document: $d) { article } }', { d: document }, bearer(INGESTER));
  expect(answer.body.errors).toBeUndefined();
}

beforeAll(async () => {
  graph = await scratchGraph();
  api = await startTestServer(graph.gateway, { apiKeys: keyring([INGESTER, EDITOR]), production: true, live: { subscriptionsPerConnection: 2 } });
  const config = loadConfig();
  cli = Neo4jGateway.connect({ ...config.neo4j, uri: graph.uri });
  // A run of this file alone starts a Neo4j of its own here (scratchGraph): a JVM start, slow on a busy machine.
}, 240_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

afterAll(async () => {
  await api?.stop();
  await cli?.close();
  await graph?.stop();
});

describe('statementChanges', () => {
  it('delivers a statement ingested through the API, as CREATED, after the sequence it started from', async () => {
    const from = await sequenceNow();
    const received = subscribe(connect(), { after: from });
    const { document, statement } = quoteDocument('live-api-note', PEOPLE.roe, 'the talks went well');
    await ingestThroughApi(document);
    await received.until(statement, () => received.idsSeen().includes(statement));
    expect(received.changes).toEqual([
      { sequence: expect.stringMatching(/^\d+$/), change: 'CREATED', statement: { id: statement, text: 'the talks went well', speaker: { id: PEOPLE.roe.id, name: PEOPLE.roe.name } } },
    ]);
    expect(Number(received.changes[0]?.sequence)).toBeGreaterThan(Number(from));
    expect(await sequenceNow()).toBe(received.changes[0]?.sequence);
  });

  it('delivers a statement the bulk loader of `npm run ingest` wrote over its own Bolt connection', async () => {
    const before = acceptedSoFar();
    const received = subscribe(connect());
    await accepted(before + 1);
    const { document, statement } = quoteDocument('live-cli-note', PEOPLE.doe, 'the aid will resume soon');
    await ingestFromCli([document]);
    await received.until(statement, () => received.idsSeen().includes(statement));
    expect(received.changes.map((c) => [c.change, c.statement.id])).toEqual([['CREATED', statement]]);
  });

  it('gives a reconnect that passes the last sequence seen what it missed, once each, in order', async () => {
    const first = subscribe(connect(), { after: await sequenceNow() });
    const before = quoteDocument('live-before-drop', PEOPLE.roe, 'we are still talking');
    await ingestFromCli([before.document]);
    await first.until(before.statement, () => first.idsSeen().includes(before.statement));
    const lastSeen = first.changes[first.changes.length - 1]?.sequence as string;
    await Promise.all(clients.splice(0).map((c) => c.dispose()));

    const missed = [quoteDocument('live-missed-one', PEOPLE.roe, 'nothing is agreed yet'), quoteDocument('live-missed-two', PEOPLE.doe, 'the pause is over')];
    await ingestFromCli([missed[0]?.document]);
    await ingestFromCli([missed[1]?.document]);
    const again = subscribe(connect(), { after: lastSeen });
    // Written after the reconnect: once it is here, anything delivered twice would be too.
    const sentinel = quoteDocument('live-after-reconnect', PEOPLE.doe, 'we will see');
    await ingestThroughApi(sentinel.document);
    await again.until('the sentinel', () => again.idsSeen().includes(sentinel.statement));

    expect(again.idsSeen()).toEqual([missed[0]?.statement, missed[1]?.statement, sentinel.statement]);
    const sequences = again.changes.map((c) => Number(c.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(sequences[0]).toBeGreaterThan(Number(lastSeen));
  });

  it('leaves out statements its filter does not select', async () => {
    const received = subscribe(connect(), { filter: { speaker: PEOPLE.doe.id }, after: await sequenceNow() });
    const other = quoteDocument('live-filter-roe', PEOPLE.roe, 'this is not for the filter');
    const wanted = quoteDocument('live-filter-doe', PEOPLE.doe, 'this is for the filter');
    // The unselected one is committed first: had the filter let it through, it would come first.
    await ingestFromCli([other.document]);
    await ingestFromCli([wanted.document]);
    await received.until(wanted.statement, () => received.idsSeen().includes(wanted.statement));
    expect(received.idsSeen()).toEqual([wanted.statement]);
  });

  it('delivers the statements of a retracted article as RETRACTED', async () => {
    const { document, statement } = quoteDocument('live-to-retract', PEOPLE.roe, 'this will be withdrawn');
    await ingestFromCli([document]);
    const received = subscribe(connect(), { after: await sequenceNow() });
    const answer = await api.post('mutation { retractArticle(id: "article:live-to-retract", reason: "misquoted") { statements } }', {}, bearer(EDITOR));
    expect(answer.body.errors).toBeUndefined();
    await received.until(statement, () => received.idsSeen().includes(statement));
    expect(received.changes.map((c) => [c.change, c.statement.id])).toEqual([['RETRACTED', statement]]);
  });
});

describe('statementChanges and statements deleted outright', () => {
  it('delivers a statement a re-ingest dropped as DELETED, past the filter, and again to a reconnect from before it', async () => {
    const full = quotesDocument('live-shrinking', [
      [PEOPLE.roe, 'we keep this one'],
      [PEOPLE.roe, 'we drop this one'],
    ]);
    await ingestFromCli([full.document]);
    const [kept, dropped] = full.statements as [string, string];
    const before = await sequenceNow();
    // Filtered on the other speaker: a deletion cannot be checked against a filter, and is never held back by one.
    const received = subscribe(connect(), { filter: { speaker: PEOPLE.doe.id }, after: before }, DELETIONS);
    await ingestFromCli([shortened(full.document, 1)]);
    await received.until(dropped, () => received.idsSeen().includes(dropped));
    expect(received.changes).toEqual([{ sequence: expect.stringMatching(/^\d+$/), change: 'DELETED', statementId: dropped, statement: null }]);
    const deletedAt = received.changes[0]?.sequence as string;
    expect(await sequenceNow()).toBe(deletedAt);
    const still = await graph.gateway.read(cypher('MATCH (s:Statement) WHERE s.id IN $ids RETURN s.id AS id', { ids: [kept, dropped] }));
    expect(still).toEqual([{ id: kept }]);

    const again = subscribe(connect(), { after: before }, DELETIONS);
    const sentinel = quoteDocument('live-after-deletion', PEOPLE.doe, 'the deletion came first');
    await ingestFromCli([sentinel.document]);
    await again.until('the sentinel', () => again.idsSeen().includes(sentinel.statement));
    expect(again.changes.map((c) => [c.change, c.statementId])).toEqual([
      ['DELETED', dropped],
      ['CREATED', sentinel.statement],
    ]);
    expect(again.changes[0]?.sequence).toBe(deletedAt);
  });

  it('refuses to resume from before the deletions it pruned, with SEQUENCE_LOST, and resumes from after them', async () => {
    const full = quotesDocument('live-pruned', [
      [PEOPLE.doe, 'this stays for now'],
      [PEOPLE.doe, 'this goes for good'],
    ]);
    await ingestFromCli([full.document]);
    const beforeDeletion = await sequenceNow();
    await ingestFromCli([shortened(full.document, 1)]);
    const deletedAt = await sequenceNow();
    // As if DELETIONS_KEPT_FOR changes had been stamped since: the next stamp prunes the tombstone.
    await graph.gateway.write((tx: WriteTx) => tx.run(cypher("MATCH (c:ChangeSequence {name: 'statements'}) SET c.value = c.value + $kept", { kept: DELETIONS_KEPT_FOR })));
    await ingestFromCli([quoteDocument('live-prune-trigger', PEOPLE.roe, 'time passes').document]);
    const [state] = await graph.gateway.read(cypher("MATCH (c:ChangeSequence {name: 'statements'}) RETURN c.prunedUpTo AS prunedUpTo, COUNT { (t:DeletedStatement) WHERE t.changeSeq <= toInteger($at) } AS left", { at: Number(deletedAt) }));
    expect(state).toEqual({ prunedUpTo: Number(deletedAt), left: 0 });

    const client = connect();
    const tooOld = subscribe(client, { after: beforeDeletion }, DELETIONS);
    const recent = subscribe(client, { after: deletedAt }, DELETIONS);
    await tooOld.refused();
    expect(tooOld.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['SEQUENCE_LOST', 'DELETIONS_PRUNED']]);
    expect(tooOld.errors?.[0]?.message).toContain('Subscribe again without afterSequence');
    await recent.until('the change after the deletion', () => recent.changes.length > 0);
    expect(recent.errors).toBeNull();
  });
});

describe('statementChanges refused at subscribe time', () => {
  const refusal = (received: Received): { code: unknown; limit?: unknown; argument?: unknown; message: string } => {
    const [error] = received.errors ?? [];
    return { code: error?.extensions?.code, limit: error?.extensions?.limit, argument: error?.extensions?.argument, message: error?.message ?? '' };
  };

  it('refuses a subscription past SUBSCRIPTIONS_PER_CONNECTION on one connection, not on another', async () => {
    const client = connect();
    const open = [subscribe(client), subscribe(client)];
    const third = subscribe(client);
    await third.refused();
    expect(refusal(third)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'SUBSCRIPTIONS_PER_CONNECTION' });
    expect(refusal(third).message).toContain('the limit is 2 (SUBSCRIPTIONS_PER_CONNECTION)');
    expect(open.map((r) => r.errors)).toEqual([null, null]);
    const elsewhere = subscribe(connect(), { after: await sequenceNow() });
    const { document, statement } = quoteDocument('live-second-connection', PEOPLE.doe, 'a second connection');
    await ingestFromCli([document]);
    await elsewhere.until(statement, () => elsewhere.idsSeen().includes(statement));
  });

  it('refuses a subscription deeper than MAX_DEPTH before it runs', async () => {
    const deep = `subscription { statementChanges { statement { speaker { statements { edges { node { speaker { statements { edges { node { id } } } } } } } } } } }`;
    const received = subscribe(connect(), {}, deep);
    await received.refused();
    expect(refusal(received)).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_DEPTH' });
  });

  it('refuses an afterSequence that is no sequence, or one not handed out yet, naming the argument', async () => {
    const client = connect();
    const garbled = subscribe(client, { after: 'yesterday' });
    const ahead = subscribe(client, { after: String(Number(await sequenceNow()) + 1000) });
    await Promise.all([garbled.refused(), ahead.refused()]);
    expect([refusal(garbled), refusal(ahead)]).toMatchObject([
      { code: 'BAD_USER_INPUT', argument: 'afterSequence' },
      { code: 'BAD_USER_INPUT', argument: 'afterSequence' },
    ]);
  });

  it('refuses a filter naming an entity the graph does not hold', async () => {
    const received = subscribe(connect(), { filter: { speakers: ['person:nobody-at-all'] } });
    await received.refused();
    expect(refusal(received)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.speakers' });
  });

  it('carries subscriptions only: a query over the socket is refused', async () => {
    const received = subscribe(connect(), {}, '{ statementSequence }');
    await received.refused();
    expect(refusal(received).code).toBe('BAD_REQUEST');
  });
});

describe('the change sequence', () => {
  it('hands parallel writers distinct numbers, in commit order', async () => {
    const ids = ['live-seq-a', 'live-seq-b', 'live-seq-c', 'live-seq-d'].map((slug, i) => quoteDocument(slug, PEOPLE.roe, `parallel quote number ${i}`));
    await ingestFromCli(ids.map((d) => d.document));
    const before = await currentSequence(graph.gateway);
    await Promise.all(ids.map(({ statement }) => graph.gateway.write((tx: WriteTx) => stampStatements(tx, [statement]))));
    const rows = await graph.gateway.read({ cypher: 'MATCH (s:Statement) WHERE s.id IN $ids RETURN s.changeSeq AS seq ORDER BY seq', params: { ids: ids.map((d) => d.statement) } });
    expect(rows.map((r) => r.seq)).toEqual([before + 1, before + 2, before + 3, before + 4]);
    expect(await currentSequence(graph.gateway)).toBe(before + 4);
  });
});

describe('the change sequence made anew under a running server', () => {
  it('ends an open subscription with SEQUENCE_LOST, and serves a new one from the new sequence', async () => {
    const before = acceptedSoFar();
    const open = subscribe(connect(), { after: await sequenceNow() });
    await accepted(before + 1);
    await graph.empty();
    const first = quoteDocument('live-new-database', PEOPLE.roe, 'a fresh start');
    await ingestFromCli([first.document]);
    await open.until('the end of the subscription', () => open.completed);
    expect(open.errorCodes()).toEqual([['SEQUENCE_LOST', 'SEQUENCE_MADE_ANEW']]);
    expect(open.changes).toEqual([]);

    const fresh = subscribe(connect());
    await accepted(before + 2);
    const next = quoteDocument('live-new-database-two', PEOPLE.doe, 'and it goes on');
    await ingestFromCli([next.document]);
    await fresh.until(next.statement, () => fresh.idsSeen().includes(next.statement));
    expect(fresh.changes.map((c) => [c.change, c.statement.id])).toEqual([['CREATED', next.statement]]);
  });
});
