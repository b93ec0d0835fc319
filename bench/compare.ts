/**
 * `node dist/bench/compare.js [small] [large]`: how latency changes from one
 * corpus size to another, from two results files of `npm run bench` (default 10000 and
 * 100000). Prints, per operation and server, p50 and p99 at both sizes and their ratio, and
 * checks the targets on computed answers (the `results` of each file: ours with kept answers
 * off, on the varied parameters): p99 within 1.3× for indexed lookups; at the large size, ours
 * at least 0.85× the floor's throughput, and 1.5× the peer's wherever the floor itself is
 * more than 1.5× the peer (elsewhere Neo4j's own work bounds all three, and ours is held to
 * the floor only).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';
import { OPERATIONS, SERVERS, type Server } from './operations';

interface Run {
  readonly op: string;
  readonly server: Server;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function results(size: number): readonly Run[] {
  const file = path.join(projectRoot(), 'bench', 'results', `bench-${size}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run bench -- --size ${size}\` first`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { results: Run[] }).results;
}

/** Computed answers at the large size against the peer and the floor (issue 26). */
const TARGET = { peer: 1.5, floor: 0.85 } as const;

const x = (a: number, b: number): string => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

function main(): void {
  const args = process.argv.slice(2);
  const [small = 10_000, large = 100_000] = args.filter((a) => !a.startsWith('--')).map(Number);
  const before = results(small);
  const after = results(large);
  const find = (runs: readonly Run[], op: string, server: Server): Run | undefined => runs.find((r) => r.op === op && r.server === server);
  const lines = [
    `| op | server | p50 ${small} → ${large} (ms) | p99 ${small} → ${large} (ms) | p99 ratio | req/s ${small} → ${large} |`,
    '|---|---|---:|---:|---:|---:|',
  ];
  const verdicts: string[] = [];
  for (const op of OPERATIONS) {
    for (const server of SERVERS) {
      const a = find(before, op.key, server);
      const b = find(after, op.key, server);
      if (!a || !b) continue;
      lines.push(`| ${op.key} ${op.name} | ${server} | ${a.p50} → ${b.p50} | ${a.p99} → ${b.p99} | ${x(b.p99, a.p99)} | ${a.requestsPerSecond} → ${b.requestsPerSecond} |`);
      if (server === 'ours' && op.indexedLookup) {
        verdicts.push(`(${op.key}) ours p99 ${a.p99} → ${b.p99} ms = ${x(b.p99, a.p99)}: ${b.p99 <= a.p99 * 1.3 ? 'within' : 'NOT within'} 1.3× (indexed lookup)`);
      }
    }
    const ours = find(after, op.key, 'ours');
    const peer = find(after, op.key, 'peer');
    const floor = find(after, op.key, 'floor');
    if (ours && peer) {
      const held = floor === undefined || floor.requestsPerSecond > TARGET.peer * peer.requestsPerSecond;
      const verdict = held ? (ours.requestsPerSecond >= TARGET.peer * peer.requestsPerSecond ? 'met' : 'NOT met') : `not held: the floor itself is ${x(floor.requestsPerSecond, peer.requestsPerSecond)} the peer`;
      verdicts.push(`(${op.key}) at ${large}: ours/peer ${x(ours.requestsPerSecond, peer.requestsPerSecond)} (target ≥ ${TARGET.peer}×): ${verdict}`);
    }
    if (ours && floor) verdicts.push(`(${op.key}) at ${large}: ours/floor ${x(ours.requestsPerSecond, floor.requestsPerSecond)} (target ≥ ${TARGET.floor}×): ${ours.requestsPerSecond >= TARGET.floor * floor.requestsPerSecond ? 'met' : 'NOT met'}`);
  }
  const text = `${lines.join('\n')}\n\n${verdicts.map((v) => `- ${v}`).join('\n')}\n`;
  writeFileSync(path.join(projectRoot(), 'bench', 'results', `scaling-${small}-${large}.md`), text);
  console.log(text);
}

main();
