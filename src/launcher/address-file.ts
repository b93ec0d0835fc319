/**
 * The address file: while an embedded Neo4j serves Bolt, `<data directory>/bolt-address`
 * holds its bolt:// URI and the JVM's process id, so that other commands on the same data
 * directory (`npm run ingest` while `npm start` runs) connect to it instead of failing on
 * the store lock. It is written once Bolt is up and removed when that Neo4j stops; a file
 * whose process is gone (a Neo4j killed with SIGKILL) is stale and read as no file.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './child-process';

export const ADDRESS_FILE_NAME = 'bolt-address';

export interface BoltAddress {
  readonly uri: string;
  /** The Neo4j JVM's process id. */
  readonly pid: number;
}

export function addressFilePath(dataDir: string): string {
  return path.join(dataDir, ADDRESS_FILE_NAME);
}

/** The address a file's text names, or null when it names none. */
export function parseAddress(text: string): BoltAddress | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { uri, pid } = value as Record<string, unknown>;
  if (typeof uri !== 'string' || !uri.startsWith('bolt://')) return null;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
  return { uri, pid };
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export async function writeAddressFile(dataDir: string, address: BoltAddress): Promise<void> {
  const file = addressFilePath(dataDir);
  const partial = `${file}.${process.pid}.partial`;
  await fsp.writeFile(partial, `${JSON.stringify({ uri: address.uri, pid: address.pid })}\n`);
  await fsp.rename(partial, file);
}

/** Removes the file if it still names `pid`: a Neo4j started on the directory since then keeps its own. */
export async function removeAddressFile(dataDir: string, pid: number): Promise<void> {
  const file = addressFilePath(dataDir);
  const current = await readAddress(file);
  if (current?.pid === pid) await fsp.rm(file, { force: true });
}

/** The address of the Neo4j that serves `dataDir` now, or null when none does (no file, an unreadable one, or a stale one). */
export async function runningNeo4jAddress(dataDir: string, isAlive: (pid: number) => boolean = isProcessAlive): Promise<BoltAddress | null> {
  const address = await readAddress(addressFilePath(dataDir));
  return address !== null && isAlive(address.pid) ? address : null;
}

async function readAddress(file: string): Promise<BoltAddress | null> {
  try {
    return parseAddress(await fsp.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}
