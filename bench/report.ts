/** What a bench report says besides the measurements: the machine, the commit, memory, and the table. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/config';
import type { BenchDatabase } from './database';
import { round, type RunResult } from './measure';
import { SERVERS, type Operation, type Server } from './operations';

export function machine(database: BenchDatabase): Record<string, string | number> {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  // `java -version` prints to stderr.
  const javaVersion = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const java = `${javaVersion.stderr ?? ''}${javaVersion.stdout ?? ''}`.split('\n')[0] || 'unknown';
  return {
    cpus: os.cpus().length,
    cpuModel: model.trim(),
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    java,
    neo4j: database.neo4jVersion,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** The commit the working tree is on, read from .git without running git (the tree may differ from it). */
export function sourceRevision(): string {
  try {
    const { head: headDir, refs } = gitDirs(path.join(projectRoot(), '.git'));
    const head = readFileSync(path.join(headDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice('ref: '.length);
    const loose = path.join(refs, ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    const packed = readFileSync(path.join(refs, 'packed-refs'), 'utf8').split('\n').find((line) => line.endsWith(` ${ref}`));
    return packed?.split(' ')[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Where HEAD and the refs live: both in .git for a plain checkout; for a linked worktree,
 * .git is a file naming the worktree's own folder (HEAD), whose `commondir` names the
 * repository's (refs).
 */
function gitDirs(dotGit: string): { readonly head: string; readonly refs: string } {
  if (statSync(dotGit).isDirectory()) return { head: dotGit, refs: dotGit };
  const own = path.resolve(path.dirname(dotGit), readFileSync(dotGit, 'utf8').replace(/^gitdir:\s*/, '').trim());
  const common = path.join(own, 'commondir');
  return { head: own, refs: existsSync(common) ? path.resolve(own, readFileSync(common, 'utf8').trim()) : own };
}

export function residentMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** The most resident memory the process has had in its life (VmHWM), in MB. */
export function peakResidentMb(pid: number): number | null {
  try {
    const kb = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

/**
 * One row per operation: ours, peer and floor from `results`, and, given `kept`, ours keeping
 * answers beside them (its req/s, its ratio to the floor, and its round trips after ours').
 */
export function tables(results: readonly RunResult[], ops: readonly Operation[], kept?: readonly RunResult[]): string {
  const find = (op: string, server: Server): RunResult | undefined => results.find((r) => r.op === op && r.server === server);
  const lines: string[] = [];
  const keptHeads = kept ? ' ours kept req/s | kept/floor |' : '';
  const keptRule = kept ? '---:|---:|' : '';
  lines.push(
    `| op | question | ours req/s | peer req/s | floor req/s | ours/peer | ours/floor |${keptHeads} p50 ours / peer / floor (ms) | p99 ours / peer / floor (ms) | alone ours / peer / floor (ms) | round trips ours / peer / floor${kept ? ' / ours kept' : ''} | server CPU ms/request ours / peer / floor | Neo4j CPU ms/request ours / peer / floor | errors ours / peer / floor |`,
  );
  lines.push(`|---|---|---:|---:|---:|---:|---:|${keptRule}---:|---:|---:|---:|---:|---:|---:|`);
  for (const op of ops) {
    const [ours, peer, floor] = SERVERS.map((server) => find(op.key, server));
    const keptRun = kept?.find((r) => r.op === op.key);
    const cell = (pick: (r: RunResult) => number | string | null): string => [ours, peer, floor].map((r) => (r ? String(pick(r) ?? '–') : '–')).join(' / ');
    const keptCells = kept ? ` ${keptRun?.requestsPerSecond ?? '–'} | ${ratio(keptRun?.requestsPerSecond, floor?.requestsPerSecond)} |` : '';
    const trips = `${cell((r) => r.roundTripsPerRequest)}${kept ? ` / ${keptRun?.roundTripsPerRequest ?? '–'}` : ''}`;
    lines.push(
      `| ${op.key} | ${op.name} | ${ours?.requestsPerSecond ?? '–'} | ${peer?.requestsPerSecond ?? '–'} | ${floor?.requestsPerSecond ?? '–'} | ` +
        `${ratio(ours?.requestsPerSecond, peer?.requestsPerSecond)} | ${ratio(ours?.requestsPerSecond, floor?.requestsPerSecond)} |${keptCells} ` +
        `${cell((r) => r.p50)} | ${cell((r) => r.p99)} | ${cell((r) => Math.round(r.aloneMs))} | ${trips} | ${cell((r) => r.serverCpuMsPerRequest)} | ${cell((r) => r.neo4jCpuMsPerRequest)} | ${cell((r) => r.errors)} |`,
    );
  }
  return lines.join('\n');
}
