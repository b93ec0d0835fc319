/**
 * Who the article names, and how: full names with their titles ("CIA Director John
 * Ratcliffe"), surnames ("Ratcliffe"), abbreviations introduced in brackets ("the Financial
 * Times (FT)"), titles alone ("the CIA director"), definite descriptions ("the agency") and
 * pronouns. Names become entities of the document's registry (registry.ts).
 *
 * Names are read in document order, so a surname can only refer back to a full name the
 * reader has already seen.
 */
import type { EntityInput, StatementInput } from '../ingest/document';
import type { Layout, Token } from './layout';
import {
  DEPARTMENT_WORDS,
  ORG_ANAPHORS,
  ORG_DESCRIPTORS,
  ORG_WORDS,
  OUTLET_WORDS,
  PRONOUNS,
  SENTENCE_OPENERS,
  SUBORDINATORS,
  TITLE_WORDS,
  VERB_MODIFIERS,
} from './lexicon';
import type { DocEntity, Gender, Registry, Via } from './registry';
import { NameRuns } from './name-runs';
import { NameTitles, sameRun, spaceBetween } from './name-titles';
import { NameTypes } from './name-types';
import { isPluralNoun, LEXICON } from './person-name';
import { CONTRACTION, isAcronym, isCapital, isPlaceWord, isTitleWord, namesInsideSentences, OPENING_WORDS, opensQuotedSentence, PARTY_WORDS, PLACE_NOUNS, POSSESSIVE, PROPER_TAGS, rankedBrand, typeOfName } from './name-words';

export { Gazetteer, NO_GAZETTEER, type GazetteerEntry } from './gazetteer';
export { Registry, type DocEntity, type Gender, type MentionType, type Via } from './registry';

export type MentionKind = 'name' | 'place' | 'pronoun' | 'title' | 'anaphor';

export interface Mention {
  readonly kind: MentionKind;
  /** Token indices, title included. */
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  /** As written, title included: "CIA Director John Ratcliffe". */
  readonly text: string;
  readonly entity: DocEntity | null;
  readonly via: Via | null;
  readonly ambiguous: boolean;
  /** Followed by a verb: the subject of its clause. */
  readonly subject: boolean;
  /** Right after "whether", "if", "because": inside a subordinate clause. */
  readonly subordinate: boolean;
  readonly possessive: boolean;
  readonly quote: number | null;
  readonly sentence: number;
  /** Pronouns: the person or number they need. */
  readonly pronoun: (typeof PRONOUNS)[string] | null;
  /** Titles and anaphors: what to look up ("CIA director", "agency"). */
  readonly head: string | null;
}

export interface Mentions {
  readonly all: readonly Mention[];
  /** The mentions of sentence `s`, in order. */
  inSentence(s: number): readonly Mention[];
  endingAt(token: number): Mention | null;
  startingAt(token: number): Mention | null;
}

/**
 * The document's `mentions`, when the default (what it defines or references) would leave
 * out someone it names: a person or organisation the graph knows that no statement is by or
 * about ("the lawsuit against the Trump administration", "CBS's Margaret Brennan"). `known`:
 * the graph's ids of every entity the text names. Undefined when the default says it all.
 */
export function documentMentions(entities: readonly EntityInput[], statements: readonly StatementInput[], known: readonly string[]): string[] | undefined {
  const referenced = new Set([...entities.map((e) => e.id), ...statements.flatMap((s) => [s.speaker, ...(s.reportedBy ?? []), ...(s.about ?? [])])]);
  if (known.every((id) => referenced.has(id))) return undefined;
  return [...new Set([...referenced, ...known])].sort();
}

/**
 * Finds every mention in the article's body, in document order, resolving names into
 * `registry` as it goes.
 */
export function findMentions(layout: Layout, registry: Registry): Mentions {
  return new MentionFinder(layout, registry).find();
}

/** Prepositions of place: a name right after one that nothing types is a place ("in Makpo"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside']);

/** Reads the mentions of an article's body in document order, resolving names as it goes. */
class MentionFinder {
  private readonly tokens: readonly Token[];
  private readonly text: string;
  private readonly titles: NameTitles;
  private readonly runs: NameRuns;
  private readonly all: Mention[] = [];
  private readonly byEnd = new Map<number, Mention>();
  private readonly byStart = new Map<number, Mention>();
  private readonly bySentence = new Map<number, Mention[]>();

  constructor(
    private readonly layout: Layout,
    private readonly registry: Registry,
  ) {
    this.tokens = layout.tokens;
    this.text = layout.text;
    this.titles = new NameTitles(layout.tokens, layout.text);
    this.runs = new NameRuns(layout.tokens, layout.text, this.titles, (name) => this.known(name));
    this.namedInside = namesInsideSentences(layout);
  }

  private readonly namedInside: ReadonlySet<string>;

  find(): Mentions {
    for (const paragraph of this.layout.paragraphs) if (paragraph.kind === 'title') this.headlineNames(paragraph.sentences);
    for (const paragraph of this.layout.paragraphs) {
      if (paragraph.kind !== 'body') continue;
      for (const s of paragraph.sentences) this.scanSentence(s);
    }
    new NameTypes(this.tokens, this.text, this.all, (k) => this.byStart.has(k)).typeBodies();
    const { all, byEnd, byStart, bySentence } = this;
    return {
      all,
      inSentence: (sentence) => bySentence.get(sentence) ?? [],
      endingAt: (token) => byEnd.get(token) ?? null,
      startingAt: (token) => byStart.get(token) ?? null,
    };
  }

  private add(m: Mention): void {
    this.all.push(m);
    const list = this.bySentence.get(m.sentence);
    if (list === undefined) this.bySentence.set(m.sentence, [m]);
    else list.push(m);
    this.byEnd.set(m.last, m);
    this.byStart.set(m.first, m);
  }

  private spaceBetween(a: Token, b: Token): boolean {
    return spaceBetween(this.text, a, b);
  }

  private sameRun(a: Token, b: Token): boolean {
    return sameRun(this.text, a, b);
  }

  private initial(t: Token): boolean {
    const sentence = this.layout.sentences[t.sentence];
    if (sentence === undefined || t.index === sentence.first) return true;
    const before = this.tokens[t.index - 1] as Token;
    return /[“"‘':]\s*$/.test(this.text.slice(before.end, t.start)) && before.quote !== t.quote;
  }

  private nameLike(t: Token): boolean {
    if (!isCapital(t)) return false;
    if (t.tags.has('Date') && !t.tags.has('Person')) return false;
    // "‘Oh, poor Bernie,’ They’ll say": a contraction is a pronoun or a verb, never a name.
    if (CONTRACTION.test(t.text)) return false;
    // "… Trump Country.” Among other things, …": a preposition starts no name, even where the sentence's start was missed.
    if ((t.tags.has('Preposition') || t.tags.has('Conjunction') || this.openingWord(t)) && !this.known(t.text)) return false;
    if (opensQuotedSentence(this.layout, t)) return this.namedAlone(t);
    if (!this.initial(t)) return true;
    if (SENTENCE_OPENERS.has(t.lower)) return false;
    // "White House Press Secretary …": a capital that opens the sentence and goes on into a name.
    const next = this.tokens[t.index + 1];
    if (next !== undefined && this.sameRun(t, next) && isCapital(next) && !next.tags.has('Date') && !t.tags.has('Verb') && !t.tags.has('Adverb')) return true;
    // "This week, …": a determiner opening a sentence is no name either.
    if (t.tags.has('Determiner') && !this.known(t.text)) return false;
    // "Quorvex, which runs the plants, said": a relative clause set off after it makes the word a
    // name, when the word is none the lexicon knows and no plural ("Officials, who asked not to be named, said").
    if (next !== undefined && next.sentence === t.sentence && ['which', 'who'].includes(next.lower) && /^,\s+$/.test(this.text.slice(t.end, next.start)) && !commonWord(t)) return true;
    return PROPER_TAGS.some((tag) => t.tags.has(tag)) || TITLE_WORDS.has(t.lower) || this.known(t.text.replace(POSSESSIVE, '')) || this.namedInside.has(t.lower.replace(POSSESSIVE, ''));
  }

  /** A capital that opens a sentence is a name when another capital follows it, or its tags or the article say so: not the tagger's guess from the capital alone. */
  private namedAlone(t: Token): boolean {
    const next = this.tokens[t.index + 1];
    if (next !== undefined && this.sameRun(t, next) && isCapital(next)) return true;
    return PROPER_TAGS.some((tag) => tag !== 'ProperNoun' && t.tags.has(tag)) || this.known(t.text.replace(POSSESSIVE, '')) || this.namedInside.has(t.lower.replace(POSSESSIVE, ''));
  }

  /** "Among other things": a preposition compromise took for a name after a quote, known by the lower-case word after it. */
  private openingWord(t: Token): boolean {
    const next = this.tokens[t.index + 1];
    return OPENING_WORDS.has(t.lower) && next !== undefined && next.sentence === t.sentence && !isCapital(next);
  }

  private known(name: string): boolean {
    // "Nam said" after "Nam Gu-jun": a family name written first is known as the name it opens.
    const oneWord = !/\s/.test(name);
    return this.registry.exact(name).length > 0 || (oneWord && (this.registry.partial(name).length > 0 || this.registry.familyNamed(name).length > 0)) || this.registry.gazetteer.byName(name).length > 0;
  }

  private gender(t: Token | undefined): Gender | null {
    return (t?.tags.has('FemaleName') ? 'female' : t?.tags.has('MaleName') ? 'male' : null);
  }

  private role(first: number, last: number, possessive: boolean): { subject: boolean; subordinate: boolean } {
    const head = this.tokens[last] as Token;
    let j = last + 1;
    const skippable = (t: Token): boolean => t.sentence === head.sentence && !t.tags.has('Verb') && (VERB_MODIFIERS.has(t.lower) || t.tags.has('Adverb'));
    while (j < this.tokens.length && skippable(this.tokens[j] as Token)) j += 1;
    const next = this.tokens[j];
    const gap = next ? this.text.slice((this.tokens[j - 1] as Token).end, next.start) : '';
    // A name that opens its sentence is its subject even when an aside follows ("Keane, who …, had been");
    // so is a name set off by commas right before a verb ("Ukraine’s foreign minister, Andrii Sybiha, welcomed").
    const opens = this.layout.sentences[head.sentence]?.first === first;
    const finite = next !== undefined && next.sentence === head.sentence && next.tags.has('Verb') && !next.tags.has('Gerund') && !next.lower.endsWith('ing');
    const before = this.tokens[first - 1];
    const setOff = before !== undefined && /,\s*$/.test(this.text.slice(before.end, (this.tokens[first] as Token).start)) && /^\s*,\s*$/.test(gap);
    const subject = !possessive && (opens || (finite && (/^[\s“"‘']*$/.test(gap) || setOff)));
    const subordinate = before !== undefined && before.sentence === head.sentence && SUBORDINATORS.has(before.lower);
    return { subject, subordinate };
  }

  /**
   * "Governor Greg Abbott urges …" as the headline, "Abbott said" in the body: a person the
   * headline names in full, first name and surname, is known to the body's surnames, though
   * the headline itself is no mention. A headline in title case names nobody this way: its
   * capitals are the style's, not names.
   */
  private headlineNames(sentences: readonly number[]): void {
    for (const s of sentences) {
      const sentence = this.layout.sentences[s];
      if (sentence === undefined) continue;
      const words = this.tokens.slice(sentence.first, sentence.last + 1).filter((t) => /^\p{L}/u.test(t.text));
      if (words.filter(isCapital).length * 2 > words.length) continue;
      for (let i = sentence.first; i <= sentence.last; i += 1) {
        const t = this.tokens[i] as Token;
        if (!this.nameLike(t)) continue;
        const j = this.runs.end(i, sentence.last);
        const first = this.tokens.slice(i, j + 1).find((w) => !isTitleWord(w));
        if (first !== undefined && first.tags.has('FirstName') && first.index < j) this.nameMention(i, j, s);
        i = j;
      }
    }
  }

  /** Pronouns, descriptions and runs of capitalised words, left to right. */
  private scanSentence(s: number): void {
    const sentence = this.layout.sentences[s];
    if (sentence === undefined) return;
    let i = sentence.first;
    while (i <= sentence.last) {
      const t = this.tokens[i] as Token;
      const pronoun = PRONOUNS[t.lower];
      if (pronoun !== undefined) {
        this.add({ kind: 'pronoun', first: i, last: i, start: t.start, end: t.end, text: t.text, entity: null, via: null, ambiguous: false, ...this.role(i, i, false), possessive: false, quote: t.quote, sentence: s, pronoun, head: null });
        i += 1;
        continue;
      }
      const described = this.describedEntity(i);
      if (described !== null) {
        this.add(described);
        i = described.last + 1;
        continue;
      }
      if (!this.nameLike(t)) {
        i += 1;
        continue;
      }
      const j = this.runs.end(i, sentence.last);
      const mention = this.nameMention(i, j, s);
      if (mention !== null) this.add(mention);
      i = j + 1;
    }
  }

  /** "the CIA director", "its chair", "the agency": a title or description with no name after it. */
  private describedEntity(i: number): Mention | null {
    const det = this.tokens[i] as Token;
    if (!['the', 'its', 'his', 'her', 'their', 'a', 'an'].includes(det.lower)) return null;
    let j = i + 1;
    while (j <= i + 4 && j < this.tokens.length) {
      const t = this.tokens[j] as Token;
      const prev = this.tokens[j - 1] as Token;
      const pluralPossessive = /s$/.test(prev.text) && /^['’]\s+$/.test(this.text.slice(prev.end, t.start));
      if (!(this.sameRun(prev, t) || pluralPossessive) || t.sentence !== det.sentence) return null;
      // "the Environment Agency" is a name; "the agency" and "the CIA Director" are descriptions.
      if (ORG_ANAPHORS[t.lower] !== undefined && !TITLE_WORDS.has(t.lower) && isCapital(t)) return null;
      // "the Associated Press": a capitalised outlet's word after capitals ends a name, not a title ("the press secretary").
      if (this.runs.outletNameEnd(i, j)) return null;
      const isHead = TITLE_WORDS.has(t.lower) || ORG_ANAPHORS[t.lower] !== undefined;
      const after = this.tokens[j + 1];
      const nameFollows = after !== undefined && this.sameRun(t, after) && isCapital(after);
      if (isHead && !nameFollows && !(after !== undefined && this.sameRun(t, after) && (TITLE_WORDS.has(after.lower) || ORG_ANAPHORS[after.lower] !== undefined || after.lower === 'of'))) {
        const words = this.tokens.slice(i + 1, j + 1).map((w) => w.text.replace(POSSESSIVE, ''));
        // "the union", and "the machinists’ union" (a plural possessive before the head) alike.
        const anaphor = ORG_ANAPHORS[t.lower] !== undefined && !TITLE_WORDS.has(t.lower) && this.tokens.slice(i + 1, j).every((w) => /s$/.test(w.text) && /^['’]/.test(this.text.charAt(w.end)));
        const headText = anaphor ? t.lower : words.join(' ');
        return {
          kind: anaphor ? 'anaphor' : 'title',
          first: i,
          last: j,
          start: det.start,
          end: t.end,
          text: this.text.slice(det.start, t.end),
          entity: null,
          via: null,
          ambiguous: false,
          ...this.role(i, j, POSSESSIVE.test(t.text)),
          possessive: POSSESSIVE.test(t.text),
          quote: t.quote,
          sentence: t.sentence,
          pronoun: null,
          head: headText,
        };
      }
      if (!(isCapital(t) || t.tags.has('Adjective') || t.tags.has('Noun')) || t.tags.has('Plural')) return null;
      j += 1;
    }
    return null;
  }

  private nameMention(i: number, j: number, s: number): Mention | null {
    const lastToken = this.tokens[j] as Token;
    const possessive = POSSESSIVE.test(lastToken.text) && !/^\p{Lu}+['’]?$/u.test(lastToken.text) && /['’‘]s$/.test(lastToken.text);
    const surfaceEnd = possessive ? lastToken.end - 2 : lastToken.end;
    const found = this.nameCore(i, j, surfaceEnd);
    if (found === null) return null;
    const { core, recognised } = found;
    const coreTokens = this.tokens.slice(core, j + 1);
    const name = this.text.slice((this.tokens[core] as Token).start, surfaceEnd);
    if (name === '' || coreTokens.every((t) => isTitleWord(t) || DEPARTMENT_WORDS.has(t.lower))) return null;

    const first = this.titles.titleStart(i);
    // "the bow of the Titanic", "implosion of Titan": an "of" alone is no title, and makes no person.
    const titled = this.tokens.slice(first, core).some((t) => !['of', 'the'].includes(t.lower));
    const titleText = titled ? this.text.slice((this.tokens[first] as Token).start, (this.tokens[core - 1] as Token).end) : null;
    // "the union Unite" names a union; "union leader Jon Holden" names a person with a title.
    // Only a word of the same run describes the name: "our company,” George Kurtz said" does not make Kurtz a company.
    const before = first > 0 ? (this.tokens[first - 1] as Token) : null;
    // "company CEO Alan Shaw": a title between them makes the noun the title's body, not the name's.
    const descriptor = first === i && !titled && before !== null ? this.describedBy(first) : null;
    const words = coreTokens.map((t) => t.lower.replace(POSSESSIVE, ''));
    const organisational = words.some((w) => ORG_WORDS.has(w) || OUTLET_WORDS.has(w)) || descriptor !== null;
    const domain = this.titles.titleDomain(i, j, core, titleText, recognised);
    // "the bow of the Titanic", "implosion of Titan": after a bare "of", a name that reads as nobody's is a thing, no one to speak or be "he".
    if (!titled && first < core && !this.isPlaceName(name, coreTokens, organisational) && this.titles.thingAfterOf(i, j, core, recognised)) return null;
    if (domain || (!this.titles.titledPerson(core, titleText) && (this.isPlaceName(name, coreTokens, organisational) || this.namesAPlace(j, coreTokens, organisational)))) {
      return { ...this.baseMention('place', first, j, s, possessive), entity: null, via: null, ambiguous: false, pronoun: null, head: null };
    }
    const named = typeOfName(coreTokens, words, recognised, descriptor, titleText, before?.lower === 'the' && first === core);
    if (named.type === 'Unknown' && !titled && !possessive && this.whereAfter(first, name, recognised)) {
      return { ...this.baseMention('place', first, j, s, possessive), entity: null, via: null, ambiguous: false, pronoun: null, head: null };
    }
    const outlet = named.outlet;
    let type = named.type;
    const lone = first === i && coreTokens.length === 1 && !recognised && !this.known(name);
    // "the Superdome would open": one unknown word after "the" that would be taken for a person is a thing, no
    // one to speak or be "he"; "the Pentagon said" is a body that speaks.
    if (type !== 'Organization' && lone && before?.lower === 'the' && !(coreTokens[0] as Token).tags.has('Person')) {
      if (!this.runs.speaksNext(j)) return null;
      type = 'Organization';
    }
    if (type !== 'Organization' && !recognised && this.describesSomeone(first, j)) return null;
    if (!recognised && !this.known(name) && this.fillsItsQuote(first, j)) return null;
    // "Mr. Armstrong" is a man whatever compromise thinks of "Kelly": an honorific outweighs a first name.
    const addressed = this.text.slice((this.tokens[first] as Token).start, surfaceEnd);
    const honorific = /^(?:mrs|ms|miss)\b/i.test(addressed) ? 'female' : /^mr\b/i.test(addressed) ? 'male' : null;
    const person = type === 'Person' || type === 'Unknown';
    const gender = !person ? null : (honorific ?? (coreTokens.length > 1 ? this.gender(coreTokens[0]) : null));
    const resolved = this.registry.resolve(name, { type, at: (this.tokens[core] as Token).start, gender, genderSure: person && honorific !== null, outlet, title: titleText });
    this.addAliases(resolved.entity, first, j, titleText, surfaceEnd);
    return { ...this.baseMention('name', first, j, s, possessive), entity: resolved.entity, via: resolved.via, ambiguous: resolved.ambiguous, pronoun: null, head: null };
  }

  /**
   * "the official at the coastguard headquarters in Makpo said": a name the article and the
   * graph do not know, nothing in it a person's, right after "in", "near" or "outside" (PLACE_PREPOSITIONS) is where, not who.
   */
  private whereAfter(first: number, name: string, recognised: boolean): boolean {
    const before = this.tokens[first - 1];
    return before !== undefined && PLACE_PREPOSITIONS.has(before.lower) && !recognised && !this.known(name);
  }

  /**
   * The body's noun right before a name ("the union Unite"), or before the words that give it
   * its name ("a hacking group known as Darkside", "a firm called Northwind"): the name is a body's.
   */
  private describedBy(first: number): string | null {
    const at = (k: number): Token | undefined => this.tokens[k];
    const linked = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && this.sameRun(a, b);
    const before = at(first - 1);
    if (before === undefined || !linked(before, at(first))) return null;
    if (ORG_DESCRIPTORS.has(before.lower)) return before.lower;
    const naming = ['called', 'named', 'dubbed'].includes(before.lower) ? 1 : before.lower === 'as' && at(first - 2)?.lower === 'known' && linked(at(first - 2), before) ? 2 : 0;
    const noun = naming > 0 ? at(first - 1 - naming) : undefined;
    return noun !== undefined && linked(noun, at(first - naming)) && ORG_DESCRIPTORS.has(noun.lower) ? noun.lower : null;
  }

  /**
   * Where the name proper starts in the run `i..j`: the longest tail the article or the graph
   * already knows (`recognised`), else the tail after the title words; null for a title alone.
   */
  private nameCore(i: number, j: number, surfaceEnd: number): { core: number; recognised: boolean } | null {
    const surface = (from: number): string => this.text.slice((this.tokens[from] as Token).start, surfaceEnd);
    // A known tail after a first name or an unknown word ("Grace" before a known "Okafor")
    // is part of a full name, not a title and a name.
    for (let k = i; k <= j; k += 1) {
      const candidate = surface(k);
      const afterTitle = k === i || isTitleWord(this.tokens[k - 1] as Token) || DEPARTMENT_WORDS.has((this.tokens[k - 1] as Token).lower);
      if (!afterTitle && ((this.tokens[k - 1] as Token).tags.has('FirstName') || this.registry.exact(candidate).every((e) => e.surnameOnly))) continue;
      if (this.registry.exact(candidate).length > 0 || this.registry.gazetteer.byName(candidate).length > 0) return { core: k, recognised: true };
    }
    // After a title, "of State", "of Defense" belong to the title: "Secretary of State Marco Rubio".
    // "Secretary of the Treasury Scott Bessent": the run starts at "Treasury", after "of the".
    const ofThe = this.tokens[i - 1]?.lower === 'the' && this.tokens[i - 2]?.lower === 'of' && this.tokens[i - 3] !== undefined && isTitleWord(this.tokens[i - 3] as Token);
    const titled = this.tokens.slice(i, j).some(isTitleWord) || ofThe;
    const partOfTitle = (t: Token): boolean => isTitleWord(t) || t.tags.has('Demonym') || (titled && (DEPARTMENT_WORDS.has(t.lower) || ['of', 'for', 'and', 'the'].includes(t.lower)));
    let core = j;
    // "Democrat Pete Buttigieg": a party word before a first name says what the person is.
    const partyBefore = (k: number): boolean => PARTY_WORDS.has((this.tokens[k - 1] as Token).lower) && (this.tokens[k] as Token).tags.has('FirstName');
    while (core > i && !partOfTitle(this.tokens[core - 1] as Token) && !partyBefore(core)) core -= 1;
    if (core === j && j === i + 1 && rankedBrand(this.tokens[i] as Token, this.tokens[j] as Token)) return { core: i, recognised: false };
    if (isTitleWord(this.tokens[core] as Token) && core === j) return null;
    return { core: this.titles.afterTitleDomain(core, j), recognised: false };
  }

  /**
   * “Little Adam Schitt”, “Horseface”: a run of capitals that is the whole of a quotation is a
   * nickname or a label someone used, not a new person or body the article names.
   */
  private fillsItsQuote(first: number, j: number): boolean {
    const q = (this.tokens[first] as Token).quote;
    return q !== null && this.tokens[first - 1]?.quote !== q && this.tokens[j + 1]?.quote !== q;
  }

  /** Whether a name the article and the graph do not know as one names a place or a people. */
  private isPlaceName(name: string, coreTokens: readonly Token[], organisational: boolean): boolean {
    // A place name may be a surname seen before ("Ratcliffe"), never the first word of an organisation ("Kyiv" of "Kyiv Independent").
    const knownAsName = this.registry.exact(name).length > 0 || this.registry.gazetteer.byName(name).length > 0 || (coreTokens.length === 1 && this.registry.partial(name).some((e) => e.type === 'Person'));
    // "Sacramento Bee" and "Central Valley Water Alliance" are not places: the last word decides.
    return !knownAsName && !organisational && (coreTokens.every((t) => t.tags.has('Demonym')) || isPlaceWord(coreTokens[coreTokens.length - 1] as Token));
  }

  /**
   * "the Pacific Palisades fire", "from the Harbour Flats area": a name the article and the
   * graph do not know, with no first name, followed by a noun for land or a fire on it.
   */
  private namesAPlace(j: number, coreTokens: readonly Token[], organisational: boolean): boolean {
    const next = this.tokens[j + 1];
    const name = coreTokens.map((t) => t.text).join(' ');
    if (organisational || next === undefined || !this.sameRun(this.tokens[j] as Token, next) || !PLACE_NOUNS.has(next.lower)) return false;
    return !coreTokens.some((t) => t.tags.has('FirstName') || t.tags.has('Honorific')) && !this.known(name);
  }

  /**
   * "Harold Whitlock, a native New Yorker who …", "a lifelong Texan": a capitalised run after
   * "a" (and a lower-case word at most) that ends its noun phrase says what someone is, not who;
   * "a Boeing spokesman" goes on to its noun and is read elsewhere, and "an interview Otto
   * Brandl had" to its verb.
   */
  private describesSomeone(first: number, j: number): boolean {
    let k = first - 1;
    const lower = this.tokens[k];
    if (lower !== undefined && /^\p{Ll}/u.test(lower.text) && !['a', 'an'].includes(lower.lower)) k -= 1;
    const article = this.tokens[k];
    const next = this.tokens[j + 1];
    const endsPhrase = next === undefined || next.sentence !== (this.tokens[j] as Token).sentence || !this.spaceBetween(this.tokens[j] as Token, next) || /^(?:who|which|that)(?:['’]s)?$/.test(next.lower) || !(next.tags.has('Noun') || next.tags.has('Verb')) || next.tags.has('Pronoun');
    return article !== undefined && ['a', 'an'].includes(article.lower) && article.sentence === (this.tokens[j] as Token).sentence && endsPhrase;
  }

  /** The title before a name, and an abbreviation in brackets after it, name its entity from here on. */
  private addAliases(entity: DocEntity, first: number, j: number, titleText: string | null, surfaceEnd: number): void {
    if (titleText !== null) {
      this.registry.addTitle(entity, titleText);
      this.registry.addAlias(entity, this.text.slice((this.tokens[first] as Token).start, surfaceEnd));
    }
    const apposed = this.titles.apposedTitle(j);
    if (apposed !== null && entity.type !== 'Organization') this.registry.addTitle(entity, apposed);
    // "the Financial Times (FT)": the bracketed abbreviation is an alias from here on.
    const lastToken = this.tokens[j] as Token;
    const after = this.tokens[j + 1];
    if (after && /^\s*\(\s*$/.test(this.text.slice(lastToken.end, after.start)) && isAcronym(after) && /^\s*\)/.test(this.text.slice(after.end))) {
      this.registry.addAcronym(entity, after.text);
    }
  }

  private baseMention(kind: MentionKind, first: number, last: number, s: number, possessive: boolean) {
    const a = this.tokens[first] as Token;
    const b = this.tokens[last] as Token;
    return { kind, first, last, start: a.start, end: b.end, text: this.text.slice(a.start, b.end), ...this.role(first, last, possessive), possessive, quote: b.quote, sentence: s };
  }

}

/** A word of the language rather than a name: one the lexicon knows, or a plural ("Officials", "Regulators"). */
const commonWord = (t: Token): boolean => LEXICON[t.lower] !== undefined || t.tags.has('Plural') || isPluralNoun(t.text);
