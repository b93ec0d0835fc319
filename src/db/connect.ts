/**
 * Opens the database the configuration names, or starts the embedded one when NEO4J_URI
 * is unset, verifies it answers, and applies the constraints. Fails within seconds, with a
 * message naming the URI, when the database cannot be reached.
 */
import type { Config } from '../config';
import { withTimeout } from '../deadline';
import { applyConstraints } from './constraints';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j';
import { Neo4jGateway } from './gateway';

export interface Database {
  readonly gateway: Neo4jGateway;
  readonly uri: string;
  readonly embedded: EmbeddedNeo4j | null;
  close(): Promise<void>;
}

export class DatabaseUnreachable extends Error {}

/** The gateway to the Neo4j at `uri`, with the configured timeouts, retry time and answer cache. */
export function gatewayFor(config: Config, uri: string): Neo4jGateway {
  const { retryMs, connectionMs, transactionMs } = config.timeouts;
  return Neo4jGateway.connect(
    { ...config.neo4j, uri },
    { maxRetryTimeMs: retryMs, connectionTimeoutMs: connectionMs, transactionTimeoutMs: transactionMs, answerCacheSize: config.answerCacheSize },
  );
}

export async function connectDatabase(config: Config, log: (line: string) => void = (l) => console.error(l)): Promise<Database> {
  let embedded: EmbeddedNeo4j | null = null;
  let uri = config.neo4j.uri;
  if (uri === null) {
    log(`NEO4J_URI is unset: starting the embedded Neo4j on ${config.embedded.dataDir}`);
    embedded = await startEmbeddedNeo4j({
      dataDir: config.embedded.dataDir,
      port: config.embedded.port,
      heap: config.embedded.heap,
      pageCache: config.embedded.pageCache,
      log,
    });
    uri = embedded.uri;
  }
  const gateway = gatewayFor(config, uri);
  const close = async (): Promise<void> => {
    await gateway.close();
    await embedded?.stop();
  };
  try {
    await withTimeout(gateway.verify(), 10_000);
    await applyConstraints(gateway);
  } catch (error) {
    await close().catch(() => undefined);
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    throw new DatabaseUnreachable(`Cannot reach Neo4j at ${uri}: ${reason}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to use the embedded Neo4j.`);
  }
  return { gateway, uri, embedded, close };
}
