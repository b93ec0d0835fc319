/**
 * `npm run check [-- --json] [--examples N]`: verifies the graph's invariants (check.ts) on
 * the database `openDatabase` finds (a running `npm start`'s, or NEO4J_URI's). Exits 0 when
 * every invariant holds, 1 when any is broken, 2 when the check could not run.
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/connect';
import { checkGraph, formatReport } from './check';

const USAGE = 'usage: npm run check -- [--json] [--examples N]';

export function parseCheckArgs(args: readonly string[]): { json: boolean; examples: number } {
  let json = false;
  let examples = 5;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--examples') {
      const value = Number(args[(i += 1)]);
      if (!Number.isInteger(value) || value < 0 || value > 1000) throw new Error(`--examples must be an integer from 0 to 1000; received ${JSON.stringify(args[i])}\n${USAGE}`);
      examples = value;
    } else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  return { json, examples };
}

async function main(): Promise<number> {
  const { json, examples } = parseCheckArgs(process.argv.slice(2));
  const database = await openDatabase(loadConfig());
  try {
    const report = await checkGraph(database.gateway, { examples });
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
