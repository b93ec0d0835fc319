/**
 * What can be checked of the Docker set-up without a Docker engine: the compose file
 * parses and wires Neo4j 5.26 Community, its healthcheck, a named volume, and the API
 * started only once Neo4j is healthy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');

interface Compose {
  services: Record<string, { image?: string; build?: string; environment?: Record<string, string>; healthcheck?: { test: string[] }; volumes?: string[]; depends_on?: Record<string, { condition: string }>; ports?: string[] }>;
  volumes: Record<string, unknown>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as Compose;

  it('runs Neo4j 5.26 Community with a password, a healthcheck and a named volume', () => {
    const neo4j = compose.services.neo4j!;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:-.{8,}\}$/);
    expect(neo4j.healthcheck?.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
  });

  it('builds the API from the Dockerfile and starts it when Neo4j is healthy, on loopback only', () => {
    const api = compose.services.api!;
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    for (const service of Object.values(compose.services)) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
    expect(readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toContain('CMD ["node", "dist/src/main.js"]');
  });
});
