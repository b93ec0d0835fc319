/** The first story: seed/story.json, the annotated document for seed/article.txt. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { cypher } from '../db/cypher';
import type { Neo4jGateway } from '../db/gateway';
import { ingestDocument, type IngestResult } from './ingest';

export const STORY_FILE = path.join(projectRoot(), 'seed', 'story.json');

export function readStory(): unknown {
  return JSON.parse(readFileSync(STORY_FILE, 'utf8')) as unknown;
}

export function seedStory(gateway: Neo4jGateway): Promise<IngestResult> {
  return ingestDocument(gateway, readStory());
}

export async function isEmpty(gateway: Neo4jGateway): Promise<boolean> {
  const rows = await gateway.read(cypher('MATCH (a:Article) RETURN count(a) AS n'));
  return rows[0]?.n === 0;
}
