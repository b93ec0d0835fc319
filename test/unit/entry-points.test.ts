/**
 * Every command's entry file loads `reflect-metadata` before anything else when what it
 * imports reaches type-graphql: the decorators read the polyfill while their modules load,
 * so a command without it fails at start-up (`npm run export` once did, in every format).
 * Jest loads the polyfill for every test (jest.config.js), and the tests that run a
 * command from source load it too, so no running test can see the omission: this one reads
 * the imports instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Import and require specifiers of a module, without the ones TypeScript erases (`import type`). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm, /^\s*export\s+(?!type\s)[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile() && candidate.endsWith('.ts')) return candidate;
    } catch {
      // not this shape of the specifier
    }
  }
  return undefined;
}

/**
 * The modules of `entry` whose decorators would run before `reflect-metadata` is loaded:
 * modules are visited in the order CommonJS evaluates them (each import in turn, depth
 * first, then the module's own body), and a module that imports type-graphql runs its
 * decorators in its body.
 */
function decoratedBeforePolyfill(entry: string): string[] {
  const seen = new Set<string>();
  const early: string[] = [];
  let polyfilled = false;
  const visit = (file: string): void => {
    seen.add(file);
    const imports = specifiers(readFileSync(file, 'utf8'));
    for (const specifier of imports) {
      if (specifier === 'reflect-metadata') polyfilled = true;
      const local = specifier.startsWith('.') ? resolveLocal(file, specifier) : undefined;
      if (local !== undefined && !seen.has(local)) visit(local);
    }
    if (!polyfilled && imports.some((s) => s === 'type-graphql' || s.startsWith('type-graphql/'))) early.push(path.relative(ROOT, file));
  };
  visit(entry);
  return early;
}

/** Every module of src/ and bench/ that `entry` loads as it starts (an `import()` loads when it is called, so its module is not counted). */
function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    seen.add(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const local = specifier.startsWith('.') ? resolveLocal(file, specifier) : undefined;
      if (local !== undefined && !seen.has(local)) visit(local);
    }
  };
  visit(entry);
  return seen;
}

/** The TypeScript files `npm run …` starts (`node [flags] dist/X.js` in package.json), and the worker threads' files. */
function entryPoints(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const commands = Object.values(scripts).flatMap((script) => [...script.matchAll(/node (?:--\S+ )*dist\/(\S+)\.js/g)].map((m) => path.join(ROOT, `${m[1]}.ts`)));
  const workers = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? workers(path.join(dir, e.name)) : e.name.endsWith('.worker.ts') ? [path.join(dir, e.name)] : []));
  return [...new Set([...commands, ...workers(path.join(ROOT, 'src'))])].sort();
}

describe('entry points', () => {
  const entries = entryPoints();

  it('are found: the API, every CLI and bench command, the extraction worker', () => {
    const names = entries.map((file) => path.relative(ROOT, file));
    expect(names).toEqual(expect.arrayContaining(['src/main.ts', 'src/ingest/export.cli.ts', 'src/ingest/ingest.cli.ts', 'bench/bench.ts', 'src/extract/extract.worker.ts']));
    for (const file of entries) expect(statSync(file).isFile()).toBe(true);
  });

  it('load reflect-metadata before any module that declares type-graphql decorators', () => {
    const early = Object.fromEntries(entries.map((file) => [path.relative(ROOT, file), decoratedBeforePolyfill(file)]).filter(([, modules]) => modules.length > 0));
    expect(early).toEqual({});
  });

  it('leave the extractor to its worker threads: the thread that answers requests never loads it or its language model', () => {
    const loaded = loadedAtStart(path.join(ROOT, 'src/main.ts'));
    const usesModel = (file: string): boolean => specifiers(readFileSync(file, 'utf8')).includes('compromise');
    expect([...loaded].filter(usesModel).map((file) => path.relative(ROOT, file))).toEqual([]);
    // The walk does reach what hands extractions to the workers, and the worker reaches the model.
    expect(loaded).toContain(path.join(ROOT, 'src/extract/extract.pool.ts'));
    expect([...loadedAtStart(path.join(ROOT, 'src/extract/extract.worker.ts'))].some(usesModel)).toBe(true);
  });

  it('are read in evaluation order, through relative modules, without type-only imports', () => {
    expect(specifiers("import type { A } from 'type-graphql';\nimport 'reflect-metadata';\nexport { b } from './b';")).toEqual(['reflect-metadata', './b']);
    // src/schema.ts loads the polyfill itself before type-graphql; a module reached before it would not be covered.
    expect(decoratedBeforePolyfill(path.join(ROOT, 'src/schema.ts'))).toEqual([]);
    expect(decoratedBeforePolyfill(path.join(ROOT, 'src/graph/article/article.resolver.ts'))).toEqual(expect.arrayContaining(['src/graph/article/article.resolver.ts']));
  });
});
