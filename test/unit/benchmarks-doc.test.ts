/**
 * BENCHMARKS.md shows the tables `npm run bench` wrote (bench/results/), not numbers
 * typed by hand: every results table must appear in it exactly, and every table of
 * results in it must be one of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8');
const results = path.join(root, 'bench', 'results');
const tables = readdirSync(results)
  .filter((file) => file.endsWith('.md'))
  .map((file) => [file, readFileSync(path.join(results, file), 'utf8').trim()] as const);

describe('BENCHMARKS.md', () => {
  it('has results for 10 000 and 100 000 statements and the comparison of the two', () => {
    expect(tables.map(([file]) => file)).toEqual(expect.arrayContaining(['bench-10000.md', 'bench-100000.md', 'scaling-10000-100000.md']));
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
