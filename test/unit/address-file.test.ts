/**
 * The address file an embedded Neo4j leaves in its data directory while it serves Bolt:
 * what it holds, when it counts as running (its process is alive), and who may remove it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addressFilePath, parseAddress, removeAddressFile, runningNeo4jAddress, writeAddressFile } from '../../src/launcher/address-file';

/** The id of a process that has exited: a child run to its end. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid as number;

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'nkg-address-file-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('parseAddress', () => {
  it('reads the bolt URI and the process id', () => {
    expect(parseAddress('{"uri":"bolt://127.0.0.1:7687","pid":4242}\n')).toEqual({ uri: 'bolt://127.0.0.1:7687', pid: 4242 });
  });

  it.each([
    ['empty', ''],
    ['not JSON', 'bolt://127.0.0.1:7687 4242'],
    ['no pid', '{"uri":"bolt://127.0.0.1:7687"}'],
    ['a pid that is not a process id', '{"uri":"bolt://127.0.0.1:7687","pid":-1}'],
    ['a URI that is not bolt://', '{"uri":"http://127.0.0.1:7474","pid":4242}'],
    ['an array', '[]'],
  ])('answers null for %s', (_, text) => {
    expect(parseAddress(text)).toBeNull();
  });
});

describe('the address file of a data directory', () => {
  it('names the Neo4j while its process is alive', async () => {
    await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:7001', pid: process.pid });
    expect(await runningNeo4jAddress(dataDir)).toEqual({ uri: 'bolt://127.0.0.1:7001', pid: process.pid });
    expect(JSON.parse(readFileSync(addressFilePath(dataDir), 'utf8'))).toEqual({ uri: 'bolt://127.0.0.1:7001', pid: process.pid });
  });

  it('is stale, and read as no Neo4j, once its process is gone', async () => {
    await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:7001', pid: deadPid() });
    expect(await runningNeo4jAddress(dataDir)).toBeNull();
  });

  it('reads as no Neo4j when it is missing or unreadable', async () => {
    expect(await runningNeo4jAddress(dataDir)).toBeNull();
    writeFileSync(addressFilePath(dataDir), '{"uri":');
    expect(await runningNeo4jAddress(dataDir)).toBeNull();
    expect(await runningNeo4jAddress(path.join(dataDir, 'no-such-directory'))).toBeNull();
  });

  it('is removed only by the Neo4j it names, so a newer one keeps its own', async () => {
    await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:7002', pid: process.pid });
    await removeAddressFile(dataDir, process.pid + 1);
    expect(await runningNeo4jAddress(dataDir)).toEqual({ uri: 'bolt://127.0.0.1:7002', pid: process.pid });
    await removeAddressFile(dataDir, process.pid);
    expect(existsSync(addressFilePath(dataDir))).toBe(false);
    await expect(removeAddressFile(dataDir, process.pid)).resolves.toBeUndefined();
  });

  it('is replaced whole by the next Neo4j, leaving no partial file behind', async () => {
    await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:7003', pid: deadPid() });
    await writeAddressFile(dataDir, { uri: 'bolt://127.0.0.1:7004', pid: process.pid });
    expect(await runningNeo4jAddress(dataDir)).toEqual({ uri: 'bolt://127.0.0.1:7004', pid: process.pid });
    expect(readFileSync(addressFilePath(dataDir), 'utf8')).not.toContain('7003');
    expect(existsSync(`${addressFilePath(dataDir)}.${process.pid}.partial`)).toBe(false);
  });
});
