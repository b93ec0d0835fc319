/**
 * Whether a run of capitalised words reads as a person's name, for a name the graph does
 * not know: what the mention rules took for a person may be a storm, a platform or a title.
 */
import nlp from 'compromise';
import { PLATFORM_NAMES } from './lexicon';

/** Storms are named like people: "Hurricane Helene" is an event, not a woman. */
const NAMED_LIKE_PEOPLE = new Set(['hurricane', 'typhoon', 'cyclone', 'storm', 'tropical']);

/** Whether a name's first word says it is a storm's ("Hurricane Maria"), whatever its first name says. */
export const namesAStorm = (firstWord: string): boolean => NAMED_LIKE_PEOPLE.has(firstWord.toLowerCase());

/** compromise's lexicon: every English word it knows, with its tags. */
export const LEXICON: Readonly<Record<string, unknown>> = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;

/** Past this many distinct words the verdicts are forgotten, so a long-running server's memory stays bounded. */
const VERDICTS_KEPT = 10_000;

/** `verdict`, kept for each key it was asked of until VERDICTS_KEPT keys are held, then forgotten all at once. */
function keptVerdicts(verdict: (key: string) => boolean): (key: string) => boolean {
  const kept = new Map<string, boolean>();
  return (key) => {
    const held = kept.get(key);
    if (held !== undefined) return held;
    const fresh = verdict(key);
    if (kept.size >= VERDICTS_KEPT) kept.clear();
    kept.set(key, fresh);
    return fresh;
  };
}

const pluralVerdict = keptVerdicts((key) => {
  const tags = new Set((nlp(key).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? []);
  return tags.has('Plural') && !tags.has('Person');
});

/**
 * Whether a capitalised word is, in lower case, a common noun's plural ("Cruises", "Tools"):
 * a brand's last word, where a surname ("Evans", "Rogers") is one compromise knows as such.
 * "Banks" and "Mills" are both, so a caller asks only where no first name stands before it.
 */
export const isPluralNoun = (word: string): boolean => pluralVerdict(word.toLowerCase());

/**
 * Whether a name the graph does not know reads as a person's: it begins with a first name
 * or ends with a surname that compromise's lexicon knows ("Jon Holden"). A run that the
 * mention rules took for a person but whose words are a title ("U.S. Secretary"), a
 * preposition ("Without U.S."), a platform ("Truth Social", "X"), initials ("FAA"), a room
 * ("West Wing") or a storm ("Hurricane Helene") does not. A name none of whose words the lexicon knows at
 * all ("Xi Jinping", "Kwame Asante") is taken for a name from another language.
 */
export const readsAsPersonName = keptVerdicts((name) => {
  const terms = nlp(name).terms().json() as { text: string; terms: { tags: string[] }[] }[];
  const tags = terms.map((t) => new Set(t.terms[0]?.tags ?? []));
  const first = tags[0];
  const last = tags[tags.length - 1];
  const storm = NAMED_LIKE_PEOPLE.has((terms[0]?.text ?? '').toLowerCase());
  const foreign = terms.every((t) => !(t.text.toLowerCase().replace(/[.,]/g, '') in LEXICON));
  // Initials ("FAA", "X") and the platforms people post on name bodies, not people.
  const initials = /^[\p{Lu}&.]+$/u.test(name.replace(/\s+/g, ''));
  const platform = PLATFORM_NAMES.has(name.toLowerCase());
  return !storm && !initials && !platform && first !== undefined && last !== undefined && (first.has('FirstName') || last.has('LastName') || foreign);
});
