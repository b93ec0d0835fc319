/**
 * Likely duplicates that ingest's entity resolution (exact normalised names of two words or
 * more) leaves apart: two entities of one type whose names match as nicknames ("Mike" and
 * "Michael"), as an initial ("J. Ratcliffe"), ignoring diacritics and spelling doubles
 * ("Zelenskyy"), as a shortened outlet name ("Fox" and "Fox Business"), or through an alias
 * they share. Pure: the entities come from the caller, compared within blocks of one
 * surname (people) or first word (everything else), so the work grows with the block sizes,
 * not with the square of the entities.
 */
import { NICKNAMES } from '../../extract/lexicon';
import { nameKey } from '../../ingest/text';

export interface NamedEntity {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface Candidate {
  readonly a: string;
  readonly b: string;
  readonly reasons: string[];
}

/** A block larger than this (a common surname in a huge graph) is too unspecific to compare pair by pair. */
export const MAX_BLOCK = 200;

const wordsOf = (name: string): string[] => nameKey(name).split(' ').filter((w) => w.length > 0);

/** Every name an entity goes by, normalised: its name first, then its aliases. */
const namesOf = (e: NamedEntity): string[][] => [e.name, ...e.aliases].map(wordsOf).filter((w) => w.length > 0);

const sameGiven = (x: string, y: string): boolean => x === y || (NICKNAMES.get(x) ?? []).includes(y);

/** Why two names of people with one surname may be one person; null when they are not alike. */
function personReason(x: readonly string[], y: readonly string[], shownX: string, shownY: string): string | null {
  if (x.length < 2 || y.length < 2 || x.at(-1) !== y.at(-1)) return null;
  const [gx = '', gy = ''] = [x[0], y[0]];
  if (gx === gy) return x.join(' ') === y.join(' ') ? `the same name ignoring case, diacritics and spelling doubles: ${shownX} / ${shownY}` : null;
  if (sameGiven(gx, gy)) return `nickname: ${shownX} / ${shownY}`;
  if ((gx.length === 1 && gy.startsWith(gx)) || (gy.length === 1 && gx.startsWith(gy))) return `initial: ${shownX} / ${shownY}`;
  return null;
}

/** Why two names of non-people may be one: the same words, or one the start of the other ("Fox" / "Fox Business"). */
function otherReason(x: readonly string[], y: readonly string[], shownX: string, shownY: string): string | null {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!short.every((w, i) => long[i] === w)) return null;
  return short.length === long.length ? `the same name ignoring case, diacritics and spelling doubles: ${shownX} / ${shownY}` : `shortened name: ${shownX} / ${shownY}`;
}

function reasonsFor(a: NamedEntity, b: NamedEntity): string[] {
  const reasons = new Set<string>();
  const shownA = [a.name, ...a.aliases];
  const shownB = [b.name, ...b.aliases];
  const namesA = namesOf(a);
  const namesB = namesOf(b);
  namesA.forEach((x, i) =>
    namesB.forEach((y, j) => {
      const reason = a.type === 'Person' ? personReason(x, y, shownA[i] ?? '', shownB[j] ?? '') : otherReason(x, y, shownA[i] ?? '', shownB[j] ?? '');
      // Alias against alias is the shared-alias reason below.
      if (reason !== null && (i === 0 || j === 0)) reasons.add(reason);
    }),
  );
  const aliasesB = new Set(b.aliases.map(nameKey));
  for (const alias of a.aliases) if (aliasesB.has(nameKey(alias))) reasons.add(`shared alias: ${alias}`);
  return [...reasons];
}

/** The word a type's entities are blocked by: people by surname, the rest by first word. */
const blockKeys = (e: NamedEntity): string[] => [...new Set(namesOf(e).map((w) => (e.type === 'Person' ? w.at(-1) : w[0]) ?? ''))];

/**
 * Pairs of `entities` that look like one entity, each pair once (a < b by id), with every
 * reason; only pairs with one of `among` when it is given (the entities an ingest created).
 */
export function duplicateCandidates(entities: readonly NamedEntity[], among?: ReadonlySet<string>): Candidate[] {
  const blocks = new Map<string, NamedEntity[]>();
  for (const e of entities) {
    for (const key of blockKeys(e)) {
      const block = blocks.get(`${e.type}|${key}`) ?? [];
      block.push(e);
      blocks.set(`${e.type}|${key}`, block);
    }
  }
  const found = new Map<string, Candidate>();
  for (const block of blocks.values()) {
    if (block.length > MAX_BLOCK) continue;
    for (const [i, a] of block.entries()) {
      for (const b of block.slice(i + 1)) {
        if (a.id === b.id || (among !== undefined && !among.has(a.id) && !among.has(b.id))) continue;
        const [first, second] = a.id < b.id ? [a, b] : [b, a];
        const key = `${first.id}|${second.id}`;
        if (found.has(key)) continue;
        const reasons = reasonsFor(first, second);
        if (reasons.length > 0) found.set(key, { a: first.id, b: second.id, reasons });
      }
    }
  }
  return [...found.values()].sort((x, y) => (x.a === y.a ? x.b.localeCompare(y.b) : x.a.localeCompare(y.a)));
}
