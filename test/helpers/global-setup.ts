/**
 * Starts one real Neo4j for the whole run, unless NEO4J_URI names one: the embedded
 * launcher on a fresh temporary data directory, so tests never touch a developer's data.
 * Seeds the story, which every integration test reads.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { connectDatabase } from '../../src/db/connect';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { seedStory } from '../../src/ingest/seed';

declare global {
  var __EMBEDDED_NEO4J__: EmbeddedNeo4j | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (!process.env.NEO4J_URI) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-test-neo4j-'));
    const started = Date.now();
    const neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, log: (line) => process.stderr.write(`[neo4j] ${line}\n`) });
    process.stderr.write(`\n[neo4j] embedded Neo4j for tests at ${neo4j.uri} (${Date.now() - started} ms)\n`);
    process.env.NEO4J_URI = neo4j.uri;
    process.env.NKG_TEST_DATA_DIR = dataDir;
    globalThis.__EMBEDDED_NEO4J__ = neo4j;
  }
  const database = await connectDatabase(loadConfig());
  try {
    await seedStory(database.gateway);
  } finally {
    await database.close();
  }
}
