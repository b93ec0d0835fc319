/**
 * The Neo4j settings a JVM that only bulk loads is started with (src/launcher/process.ts
 * `childEnvironment`): a file in its data directory that the launcher reads, written without
 * starting a JVM; a JVM that serves requests gets none.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnvironment } from '../../src/launcher/process';

describe('childEnvironment', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'loader-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a JVM that only loads an index population worker per core', async () => {
    const env = await childEnvironment({ dataDir: dir, collector: 'Parallel' }, { PATH: '/bin' }, 2);
    expect(env.PATH).toBe('/bin');
    expect(readFileSync(env.NKG_NEO4J_SETTINGS as string, 'utf8')).toBe('internal.dbms.index_population.workers=2\n');
  });

  it('keeps the settings the environment already names, after its own, so that they win', async () => {
    const given = path.join(dir, 'given.conf');
    writeFileSync(given, 'db.lock.acquisition.timeout=5s\n');
    const env = await childEnvironment({ dataDir: dir, collector: 'Parallel' }, { NKG_NEO4J_SETTINGS: given }, 1);
    expect(env.NKG_NEO4J_SETTINGS).not.toBe(given);
    expect(readFileSync(env.NKG_NEO4J_SETTINGS as string, 'utf8')).toBe('internal.dbms.index_population.workers=1\ndb.lock.acquisition.timeout=5s\n');
  });

  it('leaves the environment of a JVM that serves requests as it is', async () => {
    const given = { NKG_NEO4J_SETTINGS: '/etc/test.conf' };
    expect(await childEnvironment({ dataDir: dir, collector: 'G1' }, given, 2)).toBe(given);
    expect(await childEnvironment({ dataDir: dir }, given, 2)).toBe(given);
  });
});
