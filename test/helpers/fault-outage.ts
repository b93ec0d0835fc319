/**
 * What the Neo4j outage test (test/fault/neo4j-down.test.ts) watches a running server with:
 * statementChanges subscriptions over WebSocket and what each received, the server's log
 * lines, and a write made as `npm run ingest` makes it.
 */
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Neo4jGateway } from '../../src/db/gateway';
import { bulkLoad } from '../../src/ingest/bulk-load';
import type { TestServer } from './server';

type Errors = readonly { message: string; extensions?: Record<string, unknown> }[];

/** Resolves once `done` holds for the server's log; fails after a minute. */
export async function logShows(done: () => boolean): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 60_000) throw new Error('timed out waiting for the server log');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A statementChanges subscription from now, and what it received. */
export function watch(client: Client) {
  const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
  const listeners = new Set<() => void>();
  const state = { errors: null as Errors | null, completed: false };
  const record = (change: () => void): void => {
    change();
    for (const listener of [...listeners]) listener();
  };
  client.subscribe(
    { query: 'subscription { statementChanges { sequence change statementId } }' },
    {
      next: (result) => record(() => results.push(result)),
      error: (error) => record(() => (state.errors = Array.isArray(error) ? error : [{ message: String(error) }])),
      complete: () => record(() => (state.completed = true)),
    },
  );
  return {
    get errors() {
      return state.errors;
    },
    get completed() {
      return state.completed;
    },
    statementIds: (): string[] => results.map((r) => (r.data as { statementChanges: { statementId: string } } | null)?.statementChanges.statementId ?? `error: ${JSON.stringify(r.errors)}`),
    /** Resolves once `done` holds; fails after a minute naming `what`. */
    until: (what: string, done: () => boolean): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!done()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(results)}, errors ${JSON.stringify(state.errors)}`)), 60_000);
        listeners.add(check);
        check();
      }),
  };
}

/** WebSocket clients of `server`, each closed by disposeAll. */
export function liveClients(server: () => TestServer) {
  const clients: Client[] = [];
  const connect = (): Client => {
    const client = createClient({ url: server().url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    clients.push(client);
    return client;
  };
  return {
    connect,
    /** A subscription the server has accepted (its log says so), with the feed polling for it. */
    async subscribed(): Promise<ReturnType<typeof watch>> {
      const count = (): number => server().logs.filter((l) => l.msg === 'subscribed').length;
      const before = count();
      const watching = watch(connect());
      await logShows(() => count() > before);
      return watching;
    },
    disposeAll: (): Promise<void> => Promise.all(clients.splice(0).map((c) => c.dispose())).then(() => undefined),
  };
}

/** Writes an article of one quote as `npm run ingest` does; its statement's id. */
export async function ingestOneQuote(gateway: Neo4jGateway): Promise<string> {
  const words = 'the line held through the outage';
  const text = `Jane Roe said that ${words} on Friday.`;
  const start = text.indexOf(words);
  const document = {
    article: { id: 'article:outage-note', title: 'Outage note', text, publishedAt: '2025-03-07' },
    entities: [{ id: 'person:jane-roe', type: 'Person', name: 'Jane Roe' }],
    statements: [{ kind: 'PARTIAL', speaker: 'person:jane-roe', text: words, start, end: start + words.length }],
  };
  const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  await bulkLoad(gateway, [document], { batch: 1, deferSearchIndex: false, progress: { total: 1, unit: 'documents' }, out: quiet });
  return `statement:outage-note:${start}-${start + words.length}`;
}
