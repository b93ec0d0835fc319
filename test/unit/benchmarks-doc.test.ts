/**
 * BENCHMARKS.md shows the tables `npm run bench` wrote (bench/results/), not numbers
 * typed by hand: the results of 10k and 100k statements and their comparison must appear
 * in it exactly, and it must hold no other table of results.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8');
const results = path.join(root, 'bench', 'results');
// The sizes BENCHMARKS.md presents; a run of another size (--size 1000) writes files of its own.
const PRESENTED = ['bench-10000.md', 'bench-100000.md', 'scaling-10000-100000.md'];
const tables = PRESENTED.map((file) => [file, readFileSync(path.join(results, file), 'utf8').trim()] as const);

describe('BENCHMARKS.md', () => {
  it('has results for 10 000 and 100 000 statements and the comparison of the two', () => {
    expect(readdirSync(results)).toEqual(expect.arrayContaining(PRESENTED));
  });

  it.each(tables)('shows %s exactly as the bench wrote it', (_file, table) => {
    expect(doc).toContain(table);
  });

  it('has no results table the bench did not write', () => {
    const headed = doc.split('\n').filter((line) => line.startsWith('| op | question | ours req/s'));
    const written = tables.filter(([, table]) => table.startsWith('| op | question | ours req/s'));
    expect(headed).toHaveLength(written.length);
  });
});
