/**
 * No module of src/ reaches itself through its imports, type-only imports included. ESLint's
 * import-x/no-cycle guards the imports that load code, and skips `import type`; a circle of
 * types still ties two modules into one idea that neither can be read without (the one
 * answer-cache.ts and gateway.ts once had), so this reads every import form TypeScript knows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** Each module's relative imports of every form: import, import type, export … from, import(), require. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const local = importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('.'));
      return [file, local.map((name) => resolveLocal(file, name)).filter((f): f is string => f !== undefined)];
    }),
  );
}

/** The circles of `graph`, each as the path from a module back to itself (depth first, one per back edge). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...trail.slice(trail.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('imports of src/', () => {
  it('form no circle, type-only imports included', () => {
    const graph = importGraph(sourceFiles(SRC));
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph).map((circle) => circle.map((file) => path.relative(SRC, file)).join(' → '))).toEqual([]);
  });

  it('are read in every form, so a circle of types is found', () => {
    const { importedFiles } = ts.preProcessFile("import type { A } from './a';\nexport { b } from './b';\ntype C = import('./c').C;\n", true, true);
    expect(importedFiles.map((f) => f.fileName).sort()).toEqual(['./a', './b', './c']);
    const a = '/x/a.ts';
    const b = '/x/b.ts';
    expect(circles(new Map([[a, [b]], [b, [a]]]))).toEqual([[a, b, a]]);
  });
});
