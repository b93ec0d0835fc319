/**
 * Who the article names, and how: full names with their titles ("CIA Director John
 * Ratcliffe"), surnames ("Ratcliffe"), abbreviations introduced in brackets ("the Financial
 * Times (FT)"), titles alone ("the CIA director"), definite descriptions ("the agency") and
 * pronouns. Names become entities of the document's registry, resolved in this order: an
 * entity the article already introduced, then the graph (the gazetteer: names, aliases and
 * role titles of entities already stored), then a new entity proposed from the text.
 *
 * Names are read in document order, so a surname can only refer back to a full name the
 * reader has already seen.
 */
import { nameKey, slugify } from '../ingest/text';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import type { Layout, Token } from './layout';
import {
  DEPARTMENT_WORDS,
  NICKNAMES,
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

export { Gazetteer, NO_GAZETTEER, type GazetteerEntry } from './gazetteer';

export type EntityType = 'Person' | 'Organization' | 'Unknown';
export type Gender = 'male' | 'female';

/** An entity as this article knows it. */
export interface DocEntity {
  readonly serial: number;
  type: EntityType;
  name: string;
  readonly aliases: Set<string>;
  /** Titles the article gives it, as written: "National Security Adviser". */
  readonly titles: Set<string>;
  outlet: boolean;
  gender: Gender | null;
  graph: GazetteerEntry | null;
  /** Only a surname has been seen. */
  surnameOnly: boolean;
  /** Offsets of its mentions, ascending. */
  readonly seen: number[];
}

export type Via = 'name' | 'alias' | 'surname' | 'graph' | 'graph-title' | 'title' | 'anaphor' | 'pronoun' | 'new' | 'new-surname';

export class Registry {
  readonly entities: DocEntity[] = [];
  /** Every name and alias key an entity has had; lookups filter out what no longer holds. */
  private readonly byKey = new Map<string, DocEntity[]>();
  /** First word, last word and initials of every name an entity has had. */
  private readonly byPart = new Map<string, DocEntity[]>();
  /** Title keys and their word suffixes ("cia director", "director"). */
  private readonly byTitleKey = new Map<string, DocEntity[]>();
  /** Every mention of an organisation or unknown entity, by offset: what "the agency" may refer back to. */
  private readonly orgMentions: { at: number; entity: DocEntity }[] = [];

  constructor(readonly gazetteer: Gazetteer) {}

  private keysOf(entity: DocEntity): string[] {
    return [entity.name, ...entity.aliases].map(nameKey);
  }

  private index(entity: DocEntity, name: string): void {
    addOnce(this.byKey, nameKey(name), entity);
    const parts = name.split(/\s+/).map(nameKey);
    if (parts.length < 2) return;
    addOnce(this.byPart, parts[0] as string, entity);
    addOnce(this.byPart, parts[parts.length - 1] as string, entity);
    addOnce(this.byPart, parts.map((p) => p[0] ?? '').join(''), entity);
  }

  /** Entities the article has introduced under exactly this name or alias. */
  exact(name: string): DocEntity[] {
    const key = nameKey(name);
    return (this.byKey.get(key) ?? []).filter((e) => this.keysOf(e).includes(key));
  }

  /** A one-word name against the longer names already seen: a surname, or a word of an organisation's name. */
  partial(word: string): DocEntity[] {
    const key = nameKey(word);
    return (this.byPart.get(key) ?? []).filter((e) => {
      const parts = e.name.split(/\s+/).map(nameKey);
      if (parts.length < 2) return false;
      if (e.type === 'Person') return parts[parts.length - 1] === key;
      if (e.type === 'Unknown') return parts[parts.length - 1] === key || parts[0] === key;
      const initials = parts.map((p) => p[0] ?? '').join('');
      return parts[0] === key || parts[parts.length - 1] === key || initials === key;
    });
  }

  /** Records a title the article gives `entity` ("CIA Director"). */
  addTitle(entity: DocEntity, title: string): void {
    entity.titles.add(title);
    const words = nameKey(title).split(' ');
    for (let k = 0; k < words.length; k += 1) addOnce(this.byTitleKey, words.slice(k).join(' '), entity);
  }

  /** Records an alias the article uses for `entity`. */
  addAlias(entity: DocEntity, alias: string): void {
    entity.aliases.add(alias);
    this.index(entity, alias);
  }

  /**
   * Resolves a name as written (without its title) to an entity, creating one when neither
   * the article nor the graph knows it.
   */
  resolve(name: string, hint: { type: EntityType; at: number; gender?: Gender | null; outlet?: boolean }): { entity: DocEntity; via: Via; ambiguous: boolean } {
    const words = name.split(/\s+/);
    const local = this.exact(name).filter((e) => compatible(e.type, hint.type));
    if (local.length > 0) {
      const entity = mostRecent(local);
      return { entity: this.touch(entity, name, hint), via: nameKey(entity.name) === nameKey(name) ? 'name' : 'alias', ambiguous: local.length > 1 };
    }
    const nickname = words.length > 1 && hint.type !== 'Organization' ? this.byNickname(words) : null;
    if (nickname !== null) return { entity: this.touch(nickname, name, hint), via: 'alias', ambiguous: false };
    if (words.length === 1) {
      const partial = this.partial(name).filter((e) => compatible(e.type, hint.type));
      if (partial.length > 0) {
        const entity = mostRecent(partial);
        return { entity: this.touch(entity, name, hint), via: 'surname', ambiguous: partial.length > 1 };
      }
    }
    const known = this.gazetteer.byName(name).filter((g) => compatible(g.type, hint.type));
    if (known.length >= 1) {
      const entry = known[0] as GazetteerEntry;
      const entity = this.fromGraph(entry, hint);
      return { entity: this.touch(entity, name, hint), via: 'graph', ambiguous: known.length > 1 };
    }
    if (words.length > 1 && (hint.type === 'Person' || hint.type === 'Unknown')) {
      // A full name that completes a surname seen earlier.
      const last = words[words.length - 1] as string;
      const upgrade = this.exact(last).find((e) => e.surnameOnly && nameKey(e.name) === nameKey(last));
      if (upgrade) {
        this.addAlias(upgrade, upgrade.name);
        upgrade.name = name;
        this.index(upgrade, name);
        upgrade.surnameOnly = false;
        return { entity: this.touch(upgrade, name, hint), via: 'name', ambiguous: false };
      }
    }
    const entity = this.create(name, hint.type, hint, null);
    entity.surnameOnly = words.length === 1 && hint.type !== 'Organization';
    return { entity: this.touch(entity, name, hint), via: words.length === 1 ? 'new-surname' : 'new', ambiguous: false };
  }

  /** "Mike Waltz" for "Michael Waltz" (or the graph's): the same surname, a first name that is a usual short or long form. */
  private byNickname(words: readonly string[]): DocEntity | null {
    const [first, ...rest] = words as [string, ...string[]];
    const variants = NICKNAMES.get(first.toLowerCase()) ?? [];
    for (const variant of variants) {
      const candidate = [variant, ...rest].join(' ');
      const local = this.exact(candidate).filter((e) => e.type !== 'Organization');
      if (local.length === 1) return local[0] as DocEntity;
      const known = this.gazetteer.byName(candidate).filter((g) => g.type === 'Person');
      if (known.length === 1) return this.fromGraph(known[0] as GazetteerEntry, {});
    }
    return null;
  }

  private create(name: string, type: EntityType, hint: { gender?: Gender | null; outlet?: boolean }, graph: GazetteerEntry | null): DocEntity {
    const entity: DocEntity = {
      serial: this.entities.length,
      type: graph === null ? type : registryType(graph.type),
      name: graph?.name ?? name,
      aliases: new Set(),
      titles: new Set(),
      outlet: graph ? graph.kind === 'NEWS_OUTLET' : (hint.outlet ?? false),
      gender: hint.gender ?? null,
      graph,
      surnameOnly: false,
      seen: [],
    };
    this.entities.push(entity);
    this.index(entity, entity.name);
    if (graph) this.graphEntities.set(graph.id, entity);
    return entity;
  }

  private readonly graphEntities = new Map<string, DocEntity>();

  /** The document's entity for a graph entry, created on first use. */
  private fromGraph(entry: GazetteerEntry, hint: { gender?: Gender | null; outlet?: boolean }): DocEntity {
    return this.graphEntities.get(entry.id) ?? this.create(entry.name, registryType(entry.type), hint, entry);
  }

  private touch(entity: DocEntity, name: string, hint: { type: EntityType; at: number; gender?: Gender | null; outlet?: boolean }): DocEntity {
    if (nameKey(name) !== nameKey(entity.name)) this.addAlias(entity, name);
    if (entity.type === 'Unknown' && hint.type !== 'Unknown') entity.type = hint.type;
    if (hint.outlet) entity.outlet = true;
    entity.gender ??= hint.gender ?? null;
    // Mentions come in document order, so a new offset is almost always the largest.
    const last = entity.seen[entity.seen.length - 1];
    if (last === undefined || hint.at > last) entity.seen.push(hint.at);
    else if (!entity.seen.includes(hint.at)) {
      entity.seen.push(hint.at);
      entity.seen.sort((a, b) => a - b);
    }
    insertByOffset(this.orgMentions, { at: hint.at, entity });
    return entity;
  }

  /** The person the article has given this title before `before` ("the CIA director"). */
  byTitle(title: string, before: number): { entity: DocEntity; via: Via } | null {
    const key = nameKey(title);
    const local = (this.byTitleKey.get(key) ?? []).filter((e) => (e.seen[0] ?? Infinity) < before);
    if (local.length === 1) return { entity: local[0] as DocEntity, via: 'title' };
    if (local.length > 1) return null;
    const known = this.gazetteer.byTitle(title);
    if (known.length !== 1) return null;
    const entry = known[0] as GazetteerEntry;
    return { entity: this.fromGraph(entry, {}), via: 'graph-title' };
  }

  /** The organisation "the agency" or "the newspaper" refers back to: the last one seen whose name or kind fits. */
  byAnaphor(head: string, before: number): DocEntity | null {
    const kind = ORG_ANAPHORS[head];
    if (kind === undefined) return null;
    const fits = (e: DocEntity): boolean => {
      if (e.type === 'Person') return false;
      if (kind === 'outlet') return e.outlet;
      if (e.outlet) return false;
      const words = e.name.toLowerCase().split(/\s+/);
      return words.includes(head) || ['company', 'firm', 'group', 'maker', 'manufacturer', 'lender', 'insurer', 'carrier', 'airline'].includes(head);
    };
    // The last fitting mention before `before`; the walk back is bounded, so that a text of
    // many names cannot make every anaphor cost the whole text.
    let k = lastBefore(this.orgMentions, before);
    for (let steps = 0; k >= 0 && steps < ANAPHOR_REACH; k -= 1, steps += 1) {
      const { entity } = this.orgMentions[k] as { at: number; entity: DocEntity };
      if (fits(entity)) return entity;
    }
    return null;
  }

  /** The id the entity will have: its graph id, or a new id from its name. */
  idOf(entity: DocEntity): string {
    if (entity.graph) return entity.graph.id;
    return `${entity.type === 'Organization' ? 'org' : 'person'}:${slugify(entity.name) || `entity-${entity.serial}`}`;
  }
}

/** How many mentions back "the agency" may look for what it refers to. */
const ANAPHOR_REACH = 400;

function addOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value && !list.includes(value)) list.push(value);
}

/** Index of the last entry with `at` below `before`, or -1; `list` is sorted by `at`. */
function lastBefore(list: readonly { at: number }[], before: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { at: number }).at < before) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function insertByOffset(list: { at: number; entity: DocEntity }[], entry: { at: number; entity: DocEntity }): void {
  const last = list[list.length - 1];
  if (last === undefined || entry.at >= last.at) {
    if (last?.at !== entry.at || last.entity !== entry.entity) list.push(entry);
    return;
  }
  list.splice(lastBefore(list, entry.at) + 1, 0, entry);
}

/** The registry holds people and organisations; the gazetteer gives it nothing else. */
const registryType = (t: GazetteerEntry['type']): EntityType => (t === 'Person' || t === 'Organization' ? t : 'Unknown');

const compatible = (a: EntityType | GazetteerEntry['type'], b: EntityType): boolean => a === b || a === 'Unknown' || b === 'Unknown';
const mostRecent = (list: DocEntity[]): DocEntity => list.reduce((a, b) => ((b.seen[b.seen.length - 1] ?? -1) > (a.seen[a.seen.length - 1] ?? -1) ? b : a));

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

const isCapital = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && t.lower !== 'i';
const POSSESSIVE = /['’]s?$/;
const PROPER_TAGS = ['ProperNoun', 'Person', 'Organization', 'Acronym', 'FirstName', 'LastName', 'Honorific', 'Place', 'Country', 'City'];
const isAcronym = (t: Token): boolean => /^[\p{Lu}&]{2,6}$/u.test(t.text.replace(POSSESSIVE, ''));

/**
 * Finds every mention in the article's body, in document order, resolving names into
 * `registry` as it goes.
 */
export function findMentions(layout: Layout, registry: Registry): Mentions {
  const { tokens, text } = layout;
  const all: Mention[] = [];
  const byEnd = new Map<number, Mention>();
  const byStart = new Map<number, Mention>();
  const bySentence = new Map<number, Mention[]>();
  const add = (m: Mention): void => {
    all.push(m);
    const list = bySentence.get(m.sentence);
    if (list === undefined) bySentence.set(m.sentence, [m]);
    else list.push(m);
    byEnd.set(m.last, m);
    byStart.set(m.first, m);
  };
  const spaceBetween = (a: Token, b: Token): boolean => /^\s+$/.test(text.slice(a.end, b.start));
  const sameRun = (a: Token, b: Token): boolean => a.sentence === b.sentence && a.quote === b.quote && spaceBetween(a, b);
  const initial = (t: Token): boolean => {
    const sentence = layout.sentences[t.sentence];
    if (sentence === undefined || t.index === sentence.first) return true;
    const before = tokens[t.index - 1] as Token;
    return /[“"‘':]\s*$/.test(text.slice(before.end, t.start)) && before.quote !== t.quote;
  };
  const nameLike = (t: Token): boolean => {
    if (!isCapital(t)) return false;
    if (t.tags.has('Date') && !t.tags.has('Person')) return false;
    if (!initial(t)) return true;
    if (SENTENCE_OPENERS.has(t.lower)) return false;
    // "White House Press Secretary …": a capital that opens the sentence and goes on into a name.
    const next = tokens[t.index + 1];
    if (next !== undefined && sameRun(t, next) && isCapital(next) && !next.tags.has('Date') && !t.tags.has('Verb') && !t.tags.has('Adverb')) return true;
    return PROPER_TAGS.some((tag) => t.tags.has(tag)) || TITLE_WORDS.has(t.lower) || known(t.text.replace(POSSESSIVE, ''));
  };
  const known = (name: string): boolean =>
    registry.exact(name).length > 0 || (!/\s/.test(name) && registry.partial(name).length > 0) || registry.gazetteer.byName(name).length > 0;
  const gender = (t: Token | undefined): Gender | null => (t?.tags.has('FemaleName') ? 'female' : t?.tags.has('MaleName') ? 'male' : null);
  const role = (first: number, last: number, possessive: boolean): { subject: boolean; subordinate: boolean } => {
    const head = tokens[last] as Token;
    let j = last + 1;
    const skippable = (t: Token): boolean => t.sentence === head.sentence && !t.tags.has('Verb') && (VERB_MODIFIERS.has(t.lower) || t.tags.has('Adverb'));
    while (j < tokens.length && skippable(tokens[j] as Token)) j += 1;
    const next = tokens[j];
    const gap = next ? text.slice((tokens[j - 1] as Token).end, next.start) : '';
    // A name that opens its sentence is its subject even when an aside follows ("Keane, who …, had been");
    // so is a name set off by commas right before a verb ("Ukraine’s foreign minister, Andrii Sybiha, welcomed").
    const opens = layout.sentences[head.sentence]?.first === first;
    const finite = next !== undefined && next.sentence === head.sentence && next.tags.has('Verb') && !next.tags.has('Gerund') && !next.lower.endsWith('ing');
    const before = tokens[first - 1];
    const setOff = before !== undefined && /,\s*$/.test(text.slice(before.end, (tokens[first] as Token).start)) && /^\s*,\s*$/.test(gap);
    const subject = !possessive && (opens || (finite && (/^[\s“"‘']*$/.test(gap) || setOff)));
    const subordinate = before !== undefined && before.sentence === head.sentence && SUBORDINATORS.has(before.lower);
    return { subject, subordinate };
  };

  for (const paragraph of layout.paragraphs) {
    if (paragraph.kind !== 'body') continue;
    for (const s of paragraph.sentences) {
      const sentence = layout.sentences[s];
      if (sentence === undefined) continue;
      let i = sentence.first;
      while (i <= sentence.last) {
        const t = tokens[i] as Token;
        const pronoun = PRONOUNS[t.lower];
        if (pronoun !== undefined) {
          add({ kind: 'pronoun', first: i, last: i, start: t.start, end: t.end, text: t.text, entity: null, via: null, ambiguous: false, ...role(i, i, false), possessive: false, quote: t.quote, sentence: s, pronoun, head: null });
          i += 1;
          continue;
        }
        const described = describedEntity(i);
        if (described !== null) {
          add(described);
          i = described.last + 1;
          continue;
        }
        if (!nameLike(t)) {
          i += 1;
          continue;
        }
        // A run of capitalised words, with "of", "de", "van" ... inside it.
        let j = i;
        while (j < sentence.last && !POSSESSIVE.test((tokens[j] as Token).text)) {
          const next = tokens[j + 1] as Token;
          if (sameRun(tokens[j] as Token, next) && isCapital(next) && !(next.tags.has('Date') && !next.tags.has('Person'))) {
            j += 1;
          } else if (['of', 'de', 'van', 'von', 'der', 'bin', 'al', 'da', 'du', 'la', 'le', 'for', 'and', '&'].includes(next.lower) && j + 2 <= sentence.last && sameRun(tokens[j] as Token, next) && sameRun(next, tokens[j + 2] as Token) && isCapital(tokens[j + 2] as Token) && !['and', 'for'].includes(next.lower)) {
            j += 2;
          } else {
            break;
          }
        }
        const mention = nameMention(i, j, s);
        if (mention !== null) add(mention);
        i = j + 1;
      }
    }
  }

  /** "the CIA director", "its chair", "the agency": a title or description with no name after it. */
  function describedEntity(i: number): Mention | null {
    const det = tokens[i] as Token;
    if (!['the', 'its', 'his', 'her', 'their', 'a', 'an'].includes(det.lower)) return null;
    let j = i + 1;
    while (j <= i + 4 && j < tokens.length) {
      const t = tokens[j] as Token;
      if (!sameRun(tokens[j - 1] as Token, t) || t.sentence !== det.sentence) return null;
      // "the Environment Agency" is a name; "the agency" and "the CIA Director" are descriptions.
      if (ORG_ANAPHORS[t.lower] !== undefined && !TITLE_WORDS.has(t.lower) && isCapital(t)) return null;
      const isHead = TITLE_WORDS.has(t.lower) || ORG_ANAPHORS[t.lower] !== undefined;
      const after = tokens[j + 1];
      const nameFollows = after !== undefined && sameRun(t, after) && isCapital(after);
      if (isHead && !nameFollows && !(after !== undefined && sameRun(t, after) && (TITLE_WORDS.has(after.lower) || ORG_ANAPHORS[after.lower] !== undefined || after.lower === 'of'))) {
        const words = tokens.slice(i + 1, j + 1).map((w) => w.text.replace(POSSESSIVE, ''));
        const anaphor = ORG_ANAPHORS[t.lower] !== undefined && j === i + 1;
        const headText = anaphor ? t.lower : words.join(' ');
        return {
          kind: anaphor ? 'anaphor' : 'title',
          first: i,
          last: j,
          start: det.start,
          end: t.end,
          text: text.slice(det.start, t.end),
          entity: null,
          via: null,
          ambiguous: false,
          ...role(i, j, POSSESSIVE.test(t.text)),
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

  function nameMention(i: number, j: number, s: number): Mention | null {
    const run = tokens.slice(i, j + 1);
    const lastToken = run[run.length - 1] as Token;
    const possessive = POSSESSIVE.test(lastToken.text) && !/^\p{Lu}+['’]?$/u.test(lastToken.text) && /['’]s$/.test(lastToken.text);
    const surface = (from: number): string => text.slice((tokens[from] as Token).start, possessive ? lastToken.end - 2 : lastToken.end);

    // The name proper: the longest tail the article or the graph already knows, else the
    // tail after the title words.
    let core = -1;
    // A known tail after a first name or an unknown word ("Grace" before a known "Okafor")
    // is part of a full name, not a title and a name.
    for (let k = i; k <= j && core === -1; k += 1) {
      const candidate = surface(k);
      const afterTitle = k === i || isTitleWord(tokens[k - 1] as Token) || DEPARTMENT_WORDS.has((tokens[k - 1] as Token).lower);
      if (!afterTitle && ((tokens[k - 1] as Token).tags.has('FirstName') || registry.exact(candidate).every((e) => e.surnameOnly))) continue;
      if (registry.exact(candidate).length > 0 || registry.gazetteer.byName(candidate).length > 0) core = k;
    }
    const recognised = core !== -1;
    if (core === -1) {
      // After a title, "of State", "of Defense" belong to the title: "Secretary of State Marco Rubio".
      // "Secretary of the Treasury Scott Bessent": the run starts at "Treasury", after "of the".
      const ofThe = tokens[i - 1]?.lower === 'the' && tokens[i - 2]?.lower === 'of' && tokens[i - 3] !== undefined && isTitleWord(tokens[i - 3] as Token);
      const titled = run.slice(0, -1).some(isTitleWord) || ofThe;
      const partOfTitle = (t: Token): boolean => isTitleWord(t) || t.tags.has('Demonym') || (titled && (DEPARTMENT_WORDS.has(t.lower) || ['of', 'for', 'and', 'the'].includes(t.lower)));
      core = j;
      while (core > i && !partOfTitle(tokens[core - 1] as Token)) core -= 1;
      if (isTitleWord(tokens[core] as Token) && core === j) return null;
    }
    const coreTokens = tokens.slice(core, j + 1);
    const name = surface(core);
    if (name === '' || coreTokens.every((t) => isTitleWord(t) || DEPARTMENT_WORDS.has(t.lower))) return null;

    // Lower-case title words before the run: "former deputy assistant secretary of defense".
    let first = i;
    while (first > 0) {
      const before = tokens[first - 1] as Token;
      if (!sameRun(before, tokens[first] as Token)) break;
      if (ORG_DESCRIPTORS.has(before.lower)) break;
      if (isTitleWord(before) || DEPARTMENT_WORDS.has(before.lower) || before.lower === 'of' || (before.tags.has('Actor') && !before.tags.has('Plural'))) first -= 1;
      else break;
    }
    const titleText = first < core ? text.slice((tokens[first] as Token).start, (tokens[core - 1] as Token).end) : null;
    // "the union Unite" names a union; "union leader Jon Holden" names a person with a title.
    const descriptor = first === i && first > 0 && ORG_DESCRIPTORS.has((tokens[first - 1] as Token).lower) ? (tokens[first - 1] as Token).lower : null;

    const words = coreTokens.map((t) => t.lower.replace(POSSESSIVE, ''));
    const has = (tag: string): boolean => coreTokens.some((t) => t.tags.has(tag));
    const placeWord = (t: Token): boolean => ['Place', 'Country', 'City', 'Region'].some((tag) => t.tags.has(tag)) && !t.tags.has('Person') && !t.tags.has('Organization');
    const organisational = words.some((w) => ORG_WORDS.has(w) || OUTLET_WORDS.has(w)) || descriptor !== null;
    // A place name may be a surname seen before ("Ratcliffe"), never the first word of an organisation ("Kyiv" of "Kyiv Independent").
    const knownAsName = registry.exact(name).length > 0 || registry.gazetteer.byName(name).length > 0 || (coreTokens.length === 1 && registry.partial(name).some((e) => e.type === 'Person'));
    // "Sacramento Bee" and "Central Valley Water Alliance" are not places: the last word decides.
    if (!knownAsName && !organisational && (coreTokens.every((t) => t.tags.has('Demonym')) || placeWord(coreTokens[coreTokens.length - 1] as Token))) {
      return { ...baseMention('place', first, j, s, possessive), entity: null, via: null, ambiguous: false, pronoun: null, head: null };
    }
    let type: EntityType = 'Unknown';
    let outlet = false;
    // A name the article or the graph already knows keeps the type it has there.
    if (recognised) type = 'Unknown';
    else if (words.some((w) => ORG_WORDS.has(w))) type = 'Organization';
    else if (words.some((w) => OUTLET_WORDS.has(w))) {
      type = 'Organization';
      outlet = true;
    } else if (descriptor !== null) type = 'Organization';
    else if (has('Organization') || (coreTokens.length === 1 && isAcronym(coreTokens[0] as Token))) type = 'Organization';
    else if (has('Person') || has('FirstName') || has('Honorific') || (titleText !== null && coreTokens.length <= 4)) type = 'Person';
    const genderHint = type === 'Person' || type === 'Unknown' ? (gender(coreTokens[0]) ?? (titleText && /\b(mrs|ms|miss)\b/i.test(titleText) ? 'female' : titleText && /\bmr\b/i.test(titleText) ? 'male' : null)) : null;
    const resolved = registry.resolve(name, { type, at: (tokens[core] as Token).start, gender: coreTokens.length > 1 ? genderHint : null, outlet });
    if (titleText !== null) {
      registry.addTitle(resolved.entity, titleText);
      registry.addAlias(resolved.entity, text.slice((tokens[first] as Token).start, possessive ? lastToken.end - 2 : lastToken.end));
    }
    // "the Financial Times (FT)": the bracketed abbreviation is an alias from here on.
    const after = tokens[j + 1];
    if (after && /^\s*\(\s*$/.test(text.slice(lastToken.end, after.start)) && isAcronym(after) && /^\s*\)/.test(text.slice(after.end))) {
      registry.addAlias(resolved.entity, after.text);
    }
    return { ...baseMention('name', first, j, s, possessive), entity: resolved.entity, via: resolved.via, ambiguous: resolved.ambiguous, pronoun: null, head: null };
  }

  function baseMention(kind: MentionKind, first: number, last: number, s: number, possessive: boolean) {
    const a = tokens[first] as Token;
    const b = tokens[last] as Token;
    return { kind, first, last, start: a.start, end: b.end, text: text.slice(a.start, b.end), ...role(first, last, possessive), possessive, quote: b.quote, sentence: s };
  }

  return {
    all,
    inSentence: (sentence) => bySentence.get(sentence) ?? [],
    endingAt: (token) => byEnd.get(token) ?? null,
    startingAt: (token) => byStart.get(token) ?? null,
  };
}

function isTitleWord(t: Token): boolean {
  const word = t.lower.replace(/\.$/, '');
  return TITLE_WORDS.has(word) || (t.tags.has('Honorific') && !t.tags.has('FirstName'));
}
