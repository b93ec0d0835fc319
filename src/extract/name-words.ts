/**
 * What the words of a capitalised run say about the name in it: whether a word opens a name
 * at all (capitals, contractions, sentence-opening prepositions), which words are titles or
 * party labels before a name, and the type a new name takes from its words and tags.
 * mentions.ts reads names with these.
 */
import type { Layout, Token } from './layout';
import { ORG_WORDS, OUTLET_WORDS, PLATFORM_NAMES, TITLE_ABBREVIATIONS, TITLE_WORDS } from './lexicon';
import type { MentionType } from './registry';
import { isPluralNoun, namesAStorm } from './person-name';

export const isCapital = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && t.lower !== 'i';
/** An apostrophe, or the opening mark some pages set in its place ("Trump‘s"). */
export const POSSESSIVE = /['’‘]s?$/;
/** Prepositions and conjunctions that open a sentence: "Among", "Despite", "Although". */
export const OPENING_WORDS = new Set(['among', 'amongst', 'amid', 'despite', 'although', 'though', 'whereas', 'whether', 'unless', 'until', 'unlike', 'throughout', 'toward', 'towards', 'against', 'within', 'without', 'because', 'since', 'while']);
/** "They’ll", "We’re", "Don’t": a word with a contracted verb. */
export const CONTRACTION = /(?:['’](?:ll|re|ve|d|m)|n['’]t)$/i;
export const PROPER_TAGS = ['ProperNoun', 'Person', 'Organization', 'Acronym', 'FirstName', 'LastName', 'Honorific', 'Place', 'Country', 'City'];
export const isAcronym = (t: Token): boolean => /^[\p{Lu}&]{2,6}$/u.test(t.text.replace(POSSESSIVE, ''));
/** What a surname puts before a capital inside it: "McDonald", "MacArthur", "DeSantis", "LaHood", "VanDyke". */
const SURNAME_PREFIXES = new Set(['mc', 'mac', 'de', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'del', 'des', 'dal', 'della', 'fitz', 'st']);

/** A brand's one word, a capital inside it after a word no surname opens with: "OceanGate", "SkyLedger". */
export function isBrandCased(t: Token): boolean {
  const inner = /^(\p{Lu}\p{Ll}+)\p{Lu}/u.exec(t.text);
  return inner !== null && !SURNAME_PREFIXES.has((inner[1] as string).toLowerCase());
}

/** The heads of bodies named after their members or whom they serve: "Longshoremen’s Association", "Children’s Hospital". */
export const MEMBERS_BODIES = new Set(['association', 'union', 'federation', 'league', 'society', 'hospital', 'alliance', 'brotherhood', 'guild']);

/** Lower-case nouns after a name that make it a place: "the Palisades fire", "the Tri-Cities area". */
export const PLACE_NOUNS = new Set(['area', 'neighborhood', 'neighbourhood', 'region', 'county', 'district', 'suburb', 'suburbs', 'coast', 'valley', 'fire', 'wildfire', 'blaze', 'corridor', 'peninsula', 'basin']);

/** The type a new name takes from its words and tags; one the article or the graph already knows keeps the type it has there. */
export function typeOfName(coreTokens: readonly Token[], words: readonly string[], recognised: boolean, descriptor: string | null, titleText: string | null, afterThe = false): { type: MentionType; outlet: boolean } {
  const has = (tag: string): boolean => coreTokens.some((t) => t.tags.has(tag));
  if (recognised) return { type: 'Unknown', outlet: false };
  if (PLATFORM_NAMES.has(words.join(' '))) return { type: 'Organization', outlet: false };
  // "Centers for Disease Control": a plural head noun before "for" or "of" names a body too (not "Tyra Banks").
  const pluralHead = words.length > 2 && ['of', 'for'].includes(words[1] ?? '') && isBodyHead(words[0] ?? '');
  if (pluralHead || words.some((w) => ORG_WORDS.has(w))) return { type: 'Organization', outlet: false };
  // "Michael Bloomberg", "Emily Post": an outlet's word after a first name is a surname; not
  // after "the", which a person's name does not take ("the Charlotte Observer").
  const firstNamed = !afterThe && coreTokens.length <= 3 && (coreTokens[0]?.tags.has('FirstName') ?? false) && !OUTLET_WORDS.has(words[0] ?? '');
  if (!firstNamed && words.some((w) => OUTLET_WORDS.has(w))) return { type: 'Organization', outlet: true };
  if (descriptor !== null) return { type: 'Organization', outlet: false };
  // "Mr. GebreMariam": a title or an honorific before one word makes it a surname, however it is cased.
  const brand = coreTokens.length === 1 && titleText === null && isBrandCased(coreTokens[0] as Token);
  if (has('Organization') || brand || (coreTokens.length === 1 && isAcronym(coreTokens[0] as Token))) return { type: 'Organization', outlet: false };
  // "Princess Cruises": a rank before a common noun's plural is a brand. (A plural ending any
  // name would be too wide: "Hanne Roos", whose first name the tagger does not know, is no body.)
  if (coreTokens.length === 2 && rankedBrand(coreTokens[0] as Token, coreTokens[1] as Token)) return { type: 'Organization', outlet: false };
  // "Hurricane Maria, who is expected tomorrow": a storm is nobody, though a page calls it "who".
  if (coreTokens.length > 1 && namesAStorm(words[0] ?? '')) return { type: 'Unknown', outlet: false };
  if (has('Person') || has('FirstName') || has('Honorific') || (titleText !== null && coreTokens.length <= 4)) return { type: 'Person', outlet: false };
  return { type: 'Unknown', outlet: false };
}

/**
 * Titles the shared lexicon lacks, kept here for names alone ("Special Counsel Robert
 * Mueller"): the lexicon's TITLE_WORDS also decide speakers and descriptions, where these
 * were not measured. "Sheriff" and "marshal" are the lexicon's.
 */
export const MORE_TITLE_WORDS = new Set(['member', 'counsel', 'prosecutor', 'solicitor', 'constable', 'detective', 'trooper']);

/** A common noun's plural, as the tagger read it in its sentence ("Lines" of "Princess Lines said") or read alone. */
const pluralNoun = (t: Token): boolean => !t.tags.has('Person') && (t.tags.has('Plural') || isPluralNoun(t.text.replace(POSSESSIVE, '')));

/**
 * Ranks that also open a brand's name: "Princess Cruises" (a plural noun after them, no first
 * name). Not "General", "Lord" or "Lady": before a surname ending in s ("General Hodges",
 * "Lord Reeves") they are the rank, and the tagger reads such a surname as a plural.
 */
const RANKS_IN_BRANDS = new Set(['princess', 'prince', 'king', 'queen', 'duke', 'duchess']);

/** Whether `rank word` is a brand's name, not a titled person: "Princess Cruises said" is the cruise line. */
export const rankedBrand = (rank: Token, word: Token): boolean => RANKS_IN_BRANDS.has(rank.lower) && !word.tags.has('Person') && !word.tags.has('FirstName') && pluralNoun(word);

/** Party words that stand before a name as a title does: "Democrat Pete Buttigieg", "Republican Sen. …". */
export const PARTY_WORDS = new Set(['democrat', 'democratic', 'republican', 'gop', 'independent', 'libertarian', 'labour', 'conservative', 'tory']);

export function isTitleWord(t: Token): boolean {
  const word = t.lower.replace(/\.$/, '');
  return TITLE_WORDS.has(word) || MORE_TITLE_WORDS.has(word) || TITLE_ABBREVIATIONS[word] !== undefined || (t.tags.has('Honorific') && !t.tags.has('FirstName'));
}

/** Whether the word at `k` comes right after "of" or "of the": the body or place a title is of ("chair of the Harbour Board"). */
export const afterOf = (tokens: readonly Token[], k: number): boolean => tokens[k - 1]?.lower === 'of' || (tokens[k - 1]?.lower === 'the' && tokens[k - 2]?.lower === 'of');

/** A word compromise tags as a place and not as a person or body: "Minnesota", "Paris". */
export const isPlaceWord = (t: Token): boolean => ['Place', 'Country', 'City', 'Region'].some((tag) => t.tags.has(tag)) && !t.tags.has('Person') && !t.tags.has('Organization');

/** Whether a word, or its singular, is the head noun of a body's name: "Department", "Centers". */
export const isBodyHead = (word: string): boolean => ORG_WORDS.has(word) || ORG_WORDS.has(word.replace(/s$/, ''));

/**
 * Words the article writes as a one-word name inside a sentence ("“…,” Nagin said"): the same
 * word opening a sentence ("Nagin said that …"), where compromise may tag it a plain noun, is
 * that name too. A word inside a run of capitals ("Police Chief Tim Dolan") does not count.
 */
export function namesInsideSentences(layout: Layout): Set<string> {
  const names = new Set<string>();
  const { tokens, text } = layout;
  const joins = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.sentence === b.sentence && isCapital(a) && isCapital(b) && /^ +$/.test(text.slice(a.end, b.start));
  for (const t of tokens) {
    if (!isCapital(t) || !t.tags.has('ProperNoun') || layout.sentences[t.sentence]?.first === t.index || opensQuotedSentence(layout, t)) continue;
    if (joins(tokens[t.index - 1], t) || joins(t, tokens[t.index + 1])) continue;
    names.add(t.lower.replace(POSSESSIVE, ''));
  }
  return names;
}

/**
 * “We will be fine. Greater things …”: the sentences of a quote are not cut, so a capital
 * after a word's stop inside one opens a sentence there, where a capital says nothing.
 */
export function opensQuotedSentence(layout: Layout, t: Token): boolean {
  const before = layout.tokens[t.index - 1];
  if (t.quote === null || before === undefined || before.quote !== t.quote || before.sentence !== t.sentence) return false;
  return /^[.!?]\s+$/.test(layout.text.slice(before.end, t.start)) && /\p{Ll}{2}$/u.test(before.text);
}
