/**
 * `--name value` command-line options for the bench scripts. Unknown options and values
 * that are not what the option expects stop the script with a message that shows both.
 */

export type OptionSpec = Readonly<Record<string, 'number' | 'string' | 'flag'>>;
export type ParsedOptions = Record<string, string | number | boolean | undefined>;

export function parseOptions(argv: readonly string[], spec: OptionSpec, usage: string): ParsedOptions {
  const parsed: ParsedOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const name = arg.replace(/^--/, '');
    const kind = spec[name];
    if (!arg.startsWith('--') || kind === undefined) throw new Error(`unknown option ${JSON.stringify(arg)}\n${usage}`);
    if (kind === 'flag') {
      parsed[name] = true;
      continue;
    }
    const value = argv[i + 1];
    i += 1;
    if (value === undefined) throw new Error(`--${name} needs a value\n${usage}`);
    if (kind === 'number') {
      const number = Number(value.replace(/_/g, ''));
      if (!Number.isFinite(number)) throw new Error(`--${name} expects a number; received ${JSON.stringify(value)}\n${usage}`);
      parsed[name] = number;
    } else {
      parsed[name] = value;
    }
  }
  return parsed;
}

/** Sizes may be written 10000, 10_000, 10k or 1m. */
export function parseSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(value.trim());
  if (!match) throw new Error(`expected a size like 10000, 10k or 1m; received ${JSON.stringify(value)}`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[(match[2] as string).toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * factor);
}
