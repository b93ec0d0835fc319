/**
 * How one name may be written otherwise on the same page: a body's initials ("FAA"), a
 * person's given name as initials ("DJ Koh" for "Dong-jin Koh"), the family name on the
 * other side ("Koh Dong-jin"), a surname transliterated two ways ("Osatanakorn",
 * "Osottanakorn"). registry.ts decides when such a form joins a name it has seen.
 */
import { nameKey } from '../ingest/text';

/** Words a body's initials skip: "Department of Transportation" is "DOT". */
const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'at', '&']);

/** The initials of a name's words as a name key: "Federal Aviation Administration" gives nameKey("FAA"). */
export function initialsOf(name: string): string {
  return nameKey(
    name
      .split(/\s+/)
      .filter((w) => w !== '' && !MINOR_WORDS.has(w.toLowerCase()))
      .map((w) => w.charAt(0))
      .join(''),
  );
}

/** Written as initials: "FAA", "U.S.", "AT&T". */
export const isInitials = (text: string): boolean => /^[\p{Lu}&.]{2,8}$/u.test(text);

/**
 * Whether `words` write the person `name` otherwise: the same words in another order ("Dong-jin
 * Koh" for "Koh Dong-jin"), or the given name's initials before the family name ("DJ Koh").
 */
export function sameNameOtherwise(words: readonly string[], name: string): boolean {
  const keys = words.map(nameKey);
  const parts = name.split(/\s+/).map(nameKey);
  if (parts.length === keys.length && parts.join(' ') !== keys.join(' ') && [...parts].sort().join(' ') === [...keys].sort().join(' ')) return true;
  if (words.length !== 2 || !/^\p{Lu}{2,3}$/u.test(words[0] as string) || parts.length < 2) return false;
  const family = keys[1] as string;
  const given = parts[0] === family ? parts.slice(1) : parts[parts.length - 1] === family ? parts.slice(0, -1) : null;
  return given !== null && given.flatMap((g) => g.split(/[\s-]+/)).map((g) => g[0] ?? '').join('') === keys[0];
}

/** Shorter surnames than this are too near too many others to be read as one transliterated. */
const MIN_TRANSLITERATED_LETTERS = 7;

/**
 * Whether two surnames are one name transliterated two ways: long, the same first letter, and
 * at most two letters changed, added or dropped ("Osatanakorn", "Osottanakorn").
 */
export function transliterated(a: string, b: string): boolean {
  const [x, y] = [nameKey(a), nameKey(b)];
  if (x === y || Math.min(x.length, y.length) < MIN_TRANSLITERATED_LETTERS || x[0] !== y[0] || Math.abs(x.length - y.length) > 2) return false;
  return editDistance(x, y, 2) <= 2;
}

/** Levenshtein distance, given up past `cap` (then cap + 1). */
function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let k = 1; k <= b.length; k += 1) row.push(Math.min((previous[k] as number) + 1, (row[k - 1] as number) + 1, (previous[k - 1] as number) + (a[i - 1] === b[k - 1] ? 0 : 1)));
    if (Math.min(...row) > cap) return cap + 1;
    previous = row;
  }
  return previous[b.length] as number;
}

/** The last word of a title as a key: "Chiang Rai's Governor" and "Governor" both give "governor". */
export const titleHead = (title: string): string => nameKey(title.split(/\s+/).pop() ?? '');
