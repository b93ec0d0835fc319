/**
 * `npm run export -- --format jsonld|csv|graphml [--out FILE]`: the whole graph as JSON-LD
 * (schema.org + PROV, re-ingestable with `npm run ingest`), as a CSV of statements, or its
 * entity network as GraphML (graphml.ts) for NetworkX and Gephi.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { exportDocuments, toCsv } from './export';
import { exportNetwork, toGraphml } from './graphml';
import { toJsonLd } from './jsonld';

const USAGE = 'usage: npm run export -- --format jsonld|csv|graphml [--out FILE]';
const FORMATS = ['jsonld', 'csv', 'graphml'] as const;
type Format = (typeof FORMATS)[number];

export function parseExportArgs(args: readonly string[]): { format: Format; out: string | null } {
  let format: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = inline ?? args[(i += 1)];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === '--format') format = value;
    else if (flag === '--out') out = value;
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (!FORMATS.includes(format as Format)) throw new Error(`--format must be jsonld, csv or graphml; received ${JSON.stringify(format)}\n${USAGE}`);
  return { format: format as Format, out };
}

function write(text: string, out: string | null): void {
  if (out === null) process.stdout.write(text);
  else writeFileSync(out, text);
}

async function main(): Promise<void> {
  const { format, out } = parseExportArgs(process.argv.slice(2));
  const database = await openDatabase(loadConfig());
  try {
    if (format === 'graphml') {
      const network = await exportNetwork(database.gateway);
      write(toGraphml(network), out);
      console.error(`exported ${network.nodes.length} entities and ${network.edges.length} edges from ${network.statementCount} statements as graphml${out ? ` to ${out}` : ''}`);
      return;
    }
    const articles = await exportDocuments(database.gateway);
    const text = format === 'csv' ? toCsv(articles) : `${JSON.stringify(toJsonLd(articles), null, 2)}\n`;
    write(text, out);
    const statements = articles.reduce((n, a) => n + a.document.statements.length, 0);
    console.error(`exported ${articles.length} articles, ${statements} statement rows as ${format}${out ? ` to ${out}` : ''}`);
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
