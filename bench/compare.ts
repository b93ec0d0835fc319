/**
 * `node dist/bench/compare.js [small] [large]`: how latency changes from one
 * corpus size to another, from two results files of `npm run bench` (default 10000 and
 * 100000). Prints, per operation and server, p50 and p99 at both sizes and their ratio, and
 * checks the targets: p99 within 1.3× for indexed lookups; at the large size, ours at least
 * 1.5× the peer's throughput and 0.7× the floor's.
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
    if (ours && peer) verdicts.push(`(${op.key}) at ${large}: ours/peer ${x(ours.requestsPerSecond, peer.requestsPerSecond)} (target ≥ 1.5×): ${ours.requestsPerSecond >= 1.5 * peer.requestsPerSecond ? 'met' : 'NOT met'}`);
    if (ours && floor) verdicts.push(`(${op.key}) at ${large}: ours/floor ${x(ours.requestsPerSecond, floor.requestsPerSecond)} (target ≥ 0.7×): ${ours.requestsPerSecond >= 0.7 * floor.requestsPerSecond ? 'met' : 'NOT met'}`);
  }
  const text = `${lines.join('\n')}\n\n${verdicts.map((v) => `- ${v}`).join('\n')}\n`;
  writeFileSync(path.join(projectRoot(), 'bench', 'results', `scaling-${small}-${large}.md`), text);
  console.log(text);
}

main();
