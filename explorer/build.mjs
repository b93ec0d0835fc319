// Builds the explorer and GraphiQL pages into dist/explorer/ (or --outdir <dir>):
//   index.html, graphiql.html     the pages, naming their assets
//   assets/<name>-<hash>.js|.css  content-hashed, so the server can cache them for a year
// The TypeScript under explorer/src is type-checked first (explorer/tsconfig.json); a
// type error fails the build. Everything the pages need is in the output: nothing is
// fetched from the internet at run time.
//
// With --if-changed, nothing is done when every file the last build read (esbuild's inputs,
// the templates, this script, the explorer's tsconfig and package-lock.json) is older than
// its record, outdir/build-inputs.json, so `npm start` costs no rebuild when nothing changed.
//
//   node explorer/build.mjs [--outdir dir] [--no-check] [--if-changed]
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// esbuild and typescript are loaded only when there is something to build: loading them is
// most of what a --if-changed run that finds nothing to do would otherwise cost.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function parseArgs(argv) {
  const options = { outdir: path.join(root, 'dist', 'explorer'), check: true, ifChanged: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--outdir') options.outdir = path.resolve(argv[++i] ?? '');
    else if (arg === '--no-check') options.check = false;
    else if (arg === '--if-changed') options.ifChanged = true;
    else throw new Error(`explorer/build.mjs: unknown argument "${arg}"; expected --outdir <dir>, --no-check or --if-changed`);
  }
  return options;
}

/** Type-checks explorer/src with explorer/tsconfig.json; returns the diagnostics as text, '' when clean. */
export async function typeCheck() {
  const { default: ts } = await import('typescript');
  const configPath = path.join(here, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) return ts.formatDiagnostics([read.error], formatHost);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, here);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  return diagnostics.length > 0 ? ts.formatDiagnostics(diagnostics, formatHost) : '';
}

const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

/** The pages and the assets they load: entry point → the placeholders of its HTML template. */
const PAGES = [
  { entry: 'explorer', source: 'src/main.ts', template: 'index.html' },
  { entry: 'graphiql', source: 'src/graphiql.tsx', template: 'graphiql.html' },
];

/** The record of what a build read: written last, so an interrupted build leaves none. */
const INPUTS_RECORD = 'build-inputs.json';
const ALWAYS_READ = ['explorer/build.mjs', 'explorer/tsconfig.json', 'package-lock.json', ...PAGES.map((p) => `explorer/${p.template}`)];

/** True when outdir holds a build whose recorded inputs are all unchanged since it was made. */
async function isUpToDate(outdir) {
  let record;
  try {
    record = JSON.parse(await readFile(path.join(outdir, INPUTS_RECORD), 'utf8'));
  } catch {
    return false;
  }
  const builtAt = (await stat(path.join(outdir, INPUTS_RECORD))).mtimeMs;
  for (const file of record.inputs) {
    const changed = await stat(path.join(root, file)).then((s) => s.mtimeMs > builtAt, () => true);
    if (changed) return false;
  }
  return true;
}

export async function build({ outdir, check = true, ifChanged = false, log = (line) => process.stderr.write(`${line}\n`) }) {
  const started = Date.now();
  if (ifChanged && (await isUpToDate(outdir))) return { outdir, files: [], skipped: true };
  if (check) {
    const problems = await typeCheck();
    if (problems) throw new Error(`explorer/build.mjs: the explorer does not type-check:\n${problems}`);
  }
  await rm(outdir, { recursive: true, force: true });
  await mkdir(path.join(outdir, 'assets'), { recursive: true });

  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(PAGES.map((p) => [p.entry, path.join(here, p.source)])),
    outdir: path.join(outdir, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    loader: { '.graphql': 'text', '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });

  const outputs = Object.entries(result.metafile.outputs);
  const written = [];
  for (const page of PAGES) {
    const source = path.relative(root, path.join(here, page.source)).split(path.sep).join('/');
    const found = outputs.find(([file, meta]) => meta.entryPoint === source && file.endsWith('.js'));
    if (!found) throw new Error(`explorer/build.mjs: esbuild wrote no script for ${source}`);
    const [jsFile, meta] = found;
    if (!meta.cssBundle) throw new Error(`explorer/build.mjs: esbuild wrote no stylesheet for ${source}`);
    const url = (file) => `/explorer/assets/${path.basename(file)}`;
    const template = await readFile(path.join(here, page.template), 'utf8');
    const html = template.replaceAll(`{{${page.entry}.js}}`, url(jsFile)).replaceAll(`{{${page.entry}.css}}`, url(meta.cssBundle));
    const left = html.match(/\{\{[^}]*\}\}/);
    if (left) throw new Error(`explorer/build.mjs: ${page.template} names ${left[0]}, which the build does not provide`);
    await writeFile(path.join(outdir, page.template), html);
    written.push(page.template, path.basename(jsFile), path.basename(meta.cssBundle));
  }
  const inputs = [...ALWAYS_READ, ...Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'))];
  await writeFile(path.join(outdir, INPUTS_RECORD), `${JSON.stringify({ inputs }, null, 2)}\n`);
  const bytes = outputs.reduce((sum, [, meta]) => sum + meta.bytes, 0);
  log(`explorer: built ${written.join(', ')} into ${path.relative(process.cwd(), outdir) || '.'} (${(bytes / 1024).toFixed(0)} KiB with source maps, ${Date.now() - started} ms)`);
  return { outdir, files: written };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build(parseArgs(process.argv.slice(2))).catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
