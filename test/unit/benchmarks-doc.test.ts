/**
 * BENCHMARKS.md shows the tables the bench wrote (bench/results/), not numbers typed by hand:
 * each block between `<!-- bench/results/<file> -->` and `<!-- end bench/results/<file> -->`
 * must be that file exactly (`npm run bench:doc` copies them in after a run), the results at
 * 10 000 and 100 000 statements (computed, and never repeated at 10 000), their comparison,
 * and the run of the questions over time (issue 22) must be among them, and no results
 * table may stand outside a block. The findings the page and the code cite by number must
 * exist in the log they moved to, docs/bench-findings.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8');
const log = readFileSync(path.join(root, 'docs', 'bench-findings.md'), 'utf8');
const results = path.join(root, 'bench', 'results');
// The sizes BENCHMARKS.md presents; a run of another size (--size 1000) writes files of its own.
const PRESENTED = ['runs-10000-100000.md', 'bench-10000.md', 'bench-10000-never-repeated.md', 'bench-100000.md', 'bench-100000-never-repeated.md', 'scaling-10000-100000.md', 'bench-10000-jk-ours-peer-floor.md', 'bench-100000-jk-ours-peer-floor.md', 'bench-100000-hi-ours-floor.md'];
const RESULTS_HEADER = '| op | question | ours req/s';

/** Every generated block of the page: the file it shows and what it holds. */
const blocks = [...doc.matchAll(/<!-- bench\/results\/(\S+) -->\n([\s\S]*?)\n?<!-- end bench\/results\/(\S+) -->/g)].map((m) => ({
  file: m[1] as string,
  closedBy: m[3] as string,
  shown: (m[2] as string).trim(),
}));

describe('BENCHMARKS.md', () => {
  it('shows the runs at 10 000 and 100 000 statements and the comparison of the two, each once', () => {
    expect(readdirSync(results)).toEqual(expect.arrayContaining(PRESENTED));
    expect(blocks.map((b) => b.file).sort()).toEqual([...PRESENTED].sort());
    expect(blocks.filter((b) => b.closedBy !== b.file)).toEqual([]);
  });

  it.each(PRESENTED)('shows bench/results/%s exactly as it was written (npm run bench:doc copies it)', (file) => {
    const written = readFileSync(path.join(results, file), 'utf8').trim();
    expect(blocks.find((b) => b.file === file)?.shown).toBe(written);
  });

  it('has no results table outside the blocks copied from bench/results', () => {
    const outside = blocks.reduce((text, b) => text.replace(b.shown, ''), doc);
    expect(outside.split('\n').filter((line) => line.startsWith(RESULTS_HEADER))).toEqual([]);
    expect(doc.split('\n').filter((line) => line.startsWith(RESULTS_HEADER))).toHaveLength(PRESENTED.filter((file) => file.startsWith('bench-')).length);
  });
});

describe('the findings log (docs/bench-findings.md)', () => {
  const numbered = [...log.matchAll(/^(\d+)\. \*\*/gm)].map((m) => Number(m[1]));

  it('keeps the findings numbered 1, 2, 3, … in order', () => {
    expect(numbered.length).toBeGreaterThanOrEqual(22);
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
  });

  it('has every finding the page, the README and the code cite', () => {
    const sources = ['BENCHMARKS.md', 'README.md', ...sourceFiles('src'), ...sourceFiles('bench')];
    const cited = sources.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/\bfindings? (\d+)(?:(?:, | and )(\d+))*/g)].flatMap((m) =>
        m[0].match(/\d+/g)!.map((n) => ({ file, finding: Number(n) })),
      ),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((c) => !numbered.includes(c.finding))).toEqual([]);
  });

  it('is cited by number only: the labels in its headings (F10) are not a second numbering for the code', () => {
    const byLabel = [...sourceFiles('src'), ...sourceFiles('bench'), 'BENCHMARKS.md', 'README.md'].flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/\bfindings? F\d+/g)].map((m) => ({ file, cited: m[0] })),
    );
    expect(byLabel).toEqual([]);
  });
});

function sourceFiles(folder: string): string[] {
  if (!existsSync(path.join(root, folder))) return [];
  return (readdirSync(path.join(root, folder), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}
