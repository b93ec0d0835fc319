/**
 * A Neo4j of a test file's own, for tests that change the graph in ways the shared story
 * database must not see (new articles, merges) or that need an empty database. It is a
 * real embedded Neo4j on a fresh temporary directory, removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyConstraints } from '../../src/db/constraints';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { Neo4jGateway } from '../../src/db/gateway';

export interface OwnNeo4j {
  readonly gateway: Neo4jGateway;
  readonly neo4j: EmbeddedNeo4j;
  stop(): Promise<void>;
}

export async function startOwnNeo4j(): Promise<OwnNeo4j> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-own-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, log: () => undefined });
  const gateway = Neo4jGateway.connect({ uri: neo4j.uri, user: 'neo4j', password: 'neo4j', database: undefined });
  await applyConstraints(gateway);
  return {
    gateway,
    neo4j,
    async stop() {
      await gateway.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
