/**
 * Test access to the real Neo4j that global-setup started: a gateway, a way to run
 * GraphQL operations with a fresh per-request context (so round trips can be counted),
 * and a census of the whole graph to prove a failed write left nothing behind.
 */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { loadConfig } from '../../src/config';
import { createContext, type Context } from '../../src/context';
import { cypher } from '../../src/db/cypher';
import { Neo4jGateway } from '../../src/db/gateway';
import { appSchema } from '../../src/schema';
import { apolloFormatError } from '../../src/http/format-error';
import { seedStory } from '../../src/ingest/seed';
import { scratchGraph, type ScratchGraph } from './own-neo4j';

export function testGateway(): Neo4jGateway {
  const config = loadConfig();
  if (config.neo4j.uri === null) throw new Error('NEO4J_URI is unset: run the tests through jest, whose global setup starts Neo4j');
  return Neo4jGateway.connect({ ...config.neo4j, uri: config.neo4j.uri });
}

export interface Executed {
  readonly data: Record<string, unknown> | null | undefined;
  readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined;
  readonly roundTrips: number;
}

export class GraphQLHarness {
  private server: ApolloServer<Context> | undefined;
  private opened: Neo4jGateway | undefined;

  /** Takes a gateway, or a function that opens one on first use. */
  constructor(private readonly source: Neo4jGateway | (() => Neo4jGateway)) {}

  get gateway(): Neo4jGateway {
    this.opened ??= typeof this.source === 'function' ? this.source() : this.source;
    return this.opened;
  }

  async execute(
    query: string,
    variables: Record<string, unknown> = {},
    options: { authorization?: string; apiKeys?: string[]; operationName?: string } = {},
  ): Promise<Executed> {
    this.server ??= await (async () => {
      const server = new ApolloServer<Context>({ schema: await appSchema(), formatError: apolloFormatError(false) });
      await server.start();
      return server;
    })();
    const contextValue = createContext(this.gateway, options);
    const response = await this.server.executeOperation({ query, variables, operationName: options.operationName }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const result = response.body.singleResult;
    return {
      data: result.data as Record<string, unknown> | null | undefined,
      errors: result.errors as Executed['errors'],
      roundTrips: contextValue.trips.count,
    };
  }

  /** Runs an operation that must succeed and returns its data. */
  async data(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const result = await this.execute(query, variables);
    if (result.errors) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    return result.data as Record<string, unknown>;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

/**
 * A harness on the shared story database for one test file; its connection opens on first
 * use and closes after the file's tests.
 */
export function storyHarness(): GraphQLHarness {
  const harness = new GraphQLHarness(testGateway);
  afterAll(async () => {
    await harness.stop();
    await harness.gateway.close();
  });
  return harness;
}

/** The story on a scratch graph, with a harness over it. */
export interface StoryScratch {
  readonly graph: ScratchGraph;
  readonly harness: GraphQLHarness;
}

/** A run of chosen files starts a Neo4j for the scratch graph (own-neo4j.ts): a JVM start and a seed, on a machine that may be busy. */
const SCRATCH_SETUP_MS = 300_000;

/**
 * The story loaded into a scratch graph (own-neo4j.ts), for a file whose tests change what
 * the shared story database must not see: opened before the file's tests and handed to
 * `opened`, let go after them.
 */
export function storyScratch(opened: (scratch: StoryScratch) => void): void {
  let scratch: StoryScratch | undefined;
  beforeAll(async () => {
    const graph = await scratchGraph();
    await seedStory(graph.gateway);
    scratch = { graph, harness: new GraphQLHarness(graph.gateway) };
    opened(scratch);
  }, SCRATCH_SETUP_MS);
  afterAll(async () => {
    await scratch?.harness.stop();
    await scratch?.graph.stop();
  });
}

/**
 * Node counts by label and relationship counts by type, with a property fingerprint. Ingest's
 * lock buckets (src/ingest/lock.ts) are left out: which exist depends on what was ever
 * ingested, not on what the graph holds.
 */
export async function census(gateway: Neo4jGateway): Promise<Record<string, number>> {
  const nodes = await gateway.read(cypher('MATCH (n) WHERE NOT n:IngestLock UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label'));
  const rels = await gateway.read(cypher('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type'));
  const props = await gateway.read(cypher('MATCH (n) WHERE NOT n:IngestLock RETURN sum(size(keys(n))) AS nodeProps'));
  return Object.fromEntries([
    ...nodes.map((r) => [`:${r.label as string}`, r.n as number]),
    ...rels.map((r) => [`[${r.type as string}]`, r.n as number]),
    ['nodeProperties', props[0]?.nodeProps as number],
  ]);
}

/** `ingestArticle` with every field of its result that says what the write did. */
export const INGEST = `mutation Ingest($document: ArticleDocumentInput!) {
  ingestArticle(document: $document) { article created updated unchanged merged { from into } evidenceAdded removed statements entities }
}`;
