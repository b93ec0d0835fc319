/**
 * The document's entities: every person and organisation the article names, keyed by every
 * name, alias, word and title it has been given, resolved in this order: an entity the
 * article already introduced, then the graph (the gazetteer), then a new entity proposed
 * from the text. Lookups go through indexes, so a long article of many names stays linear.
 */
import { nameKey, slugify } from '../ingest/text';
import { initialsOf, isInitials, sameNameOtherwise, titleHead, transliterated } from './name-forms';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { ID_PREFIX, type EntityType } from '../vocabulary';
import { NICKNAMES, ORG_ANAPHORS, TITLE_ABBREVIATIONS, TITLE_SYNONYMS } from './lexicon';
import { LEXICON, namesAStorm } from './person-name';
import { firstIndex } from './sorted';

/** What the registry takes a name to be: one of the vocabulary's two types of speaker, or not yet known. */
export type MentionType = Extract<EntityType, 'Person' | 'Organization'> | 'Unknown';
export type Gender = 'male' | 'female';

/** An entity as this article knows it. */
export interface DocEntity {
  readonly serial: number;
  type: MentionType;
  name: string;
  readonly aliases: Set<string>;
  /** Titles the article gives it, as written: "National Security Adviser". */
  readonly titles: Set<string>;
  outlet: boolean;
  gender: Gender | null;
  graph: GazetteerEntry | null;
  /** Only a surname has been seen. */
  surnameOnly: boolean;
  /** The initials it is also known by ("FAA" for the Federal Aviation Administration), if the article uses them. */
  acronym: string | null;
  /** Offsets of its mentions, ascending. */
  readonly seen: number[];
  /** Whether the words of its name gave its type when first read (not the context, nor a default later). */
  readonly typedByName: boolean;
}

/** What a mention says of the entity it names; `genderSure`: an honorific ("Mr.") gave the gender. */
export interface ResolveHint {
  readonly type: MentionType;
  readonly at: number;
  readonly gender?: Gender | null;
  readonly genderSure?: boolean;
  readonly outlet?: boolean;
  /** The title before the name as written ("President" of "President Trump"); null or absent when none. */
  readonly title?: string | null;
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

  /**
   * Records a title the article gives `entity` ("CIA Director"), under its word suffixes; a
   * title with "of" also under those of its head ("the secretary" for "Secretary of the
   * Treasury").
   */
  addTitle(entity: DocEntity, title: string): void {
    entity.titles.add(title);
    for (const words of titleForms(title)) {
      const of = words.indexOf('of');
      const head = of > 0 ? words.slice(0, of) : [];
      for (const run of [words, head]) for (let k = 0; k < run.length; k += 1) addOnce(this.byTitleKey, run.slice(k).join(' '), entity);
    }
  }

  /** Records an alias the article uses for `entity`; initials that spell its name are also its acronym. */
  addAlias(entity: DocEntity, alias: string): void {
    entity.aliases.add(alias);
    this.index(entity, alias);
    if (entity.acronym === null && entity.type !== 'Person' && isInitials(alias) && initialsOf(entity.name) === nameKey(alias)) entity.acronym = alias;
  }

  /** "the Federal Aviation Administration (FAA)": the bracketed initials are the body's acronym, whatever they spell. */
  addAcronym(entity: DocEntity, acronym: string): void {
    this.addAlias(entity, acronym);
    if (entity.type !== 'Person') entity.acronym = acronym;
  }

  /** A body named by its initials earlier ("FAA said …", then "the Federal Aviation Administration"). */
  private byInitials(name: string): DocEntity | null {
    const initials = initialsOf(name);
    if (initials.length < 2 || !/\s/.test(name)) return null;
    const found = (this.byKey.get(initials) ?? []).filter((e) => e.type !== 'Person' && e.graph === null && isInitials(e.name) && nameKey(e.name) === initials);
    return found.length === 1 ? (found[0] as DocEntity) : null;
  }

  /**
   * Resolves a name as written (without its title) to an entity, creating one when neither
   * the article nor the graph knows it.
   */
  resolve(name: string, hint: ResolveHint): { entity: DocEntity; via: Via; ambiguous: boolean } {
    const words = name.split(/\s+/);
    const local = this.exact(name).filter((e) => compatible(e.type, hint.type));
    if (local.length > 0) {
      const entity = mostRecent(local);
      return { entity: this.touch(entity, name, hint), via: nameKey(entity.name) === nameKey(name) ? 'name' : 'alias', ambiguous: local.length > 1 };
    }
    const nickname = words.length > 1 && hint.type !== 'Organization' ? this.byNickname(words) : null;
    if (nickname !== null) return { entity: this.touch(nickname, name, hint), via: 'alias', ambiguous: false };
    if (words.length === 1) {
      // "Bloomberg said" after "Mayor Michael Bloomberg": an outlet's one word that is the surname of someone named is that person.
      const partial = this.partial(name).filter((e) => compatible(e.type, hint.type) || (hint.outlet === true && e.type === 'Person'));
      if (partial.length > 0) {
        const entity = mostRecent(partial);
        // "Ohtani’s bank account": what the tagger makes of a surname's word ("an organisation")
        // does not retype the name it ends, "Shohei Ohtani".
        const surname = entity.type === 'Unknown' && hint.type === 'Organization' && nameKey(entity.name.split(/\s+/).pop() ?? '') === nameKey(name);
        return { entity: this.touch(entity, name, surname ? { ...hint, type: 'Unknown' } : hint), via: 'surname', ambiguous: partial.length > 1 };
      }
    }
    // "Kim said" after "Kim Min-ji" and "Kim Soo-hyun": the last named, and listed for review.
    const family = words.length === 1 && hint.type !== 'Organization' ? this.familyNamed(name) : [];
    if (family.length > 0) return { entity: this.touch(mostRecent(family), name, hint), via: 'surname', ambiguous: family.length > 1 };
    const known = this.gazetteer.byName(name).filter((g) => compatible(g.type, hint.type));
    if (known.length >= 1) {
      const entry = known[0] as GazetteerEntry;
      const entity = this.fromGraph(entry, hint);
      return { entity: this.touch(entity, name, hint), via: 'graph', ambiguous: known.length > 1 };
    }
    const tail = words.length > 1 && hint.type !== 'Organization' ? this.byNameTail(words) : null;
    if (tail !== null) return { entity: this.touch(tail, name, hint), via: 'surname', ambiguous: false };
    // "Garcia Marquez" after "Ana Garcia" may as well be someone else: the join is listed for review.
    const paternal = words.length > 1 && hint.type !== 'Organization' ? this.byPaternalSurname(words) : null;
    if (paternal !== null) return { entity: this.touch(paternal, name, hint), via: 'surname', ambiguous: true };
    const form = words.length > 1 && hint.type !== 'Organization' ? this.byGivenNameForm(words) : null;
    if (form !== null) return { entity: this.touch(form, name, hint), via: 'alias', ambiguous: false };
    if (words.length > 1 && (hint.type === 'Person' || hint.type === 'Unknown')) {
      // A full name that completes a surname seen earlier.
      const last = words[words.length - 1] as string;
      const upgrade = this.exact(last).find((e) => e.surnameOnly && nameKey(e.name) === nameKey(last) && completes(e, hint)) ?? this.bySpeltSurname(last, hint);
      if (upgrade) {
        this.addAlias(upgrade, upgrade.name);
        upgrade.name = name;
        this.index(upgrade, name);
        upgrade.surnameOnly = false;
        return { entity: this.touch(upgrade, name, hint), via: 'name', ambiguous: false };
      }
    }
    const initialled = words.length > 1 && hint.type !== 'Person' ? this.byInitials(name) : null;
    if (initialled !== null) {
      // The long form names the body from here on; the initials stay its acronym and its id.
      this.addAlias(initialled, initialled.name);
      initialled.acronym ??= initialled.name;
      initialled.name = name;
      this.index(initialled, name);
      initialled.type = 'Organization';
      return { entity: this.touch(initialled, name, hint), via: 'alias', ambiguous: false };
    }
    const entity = this.create(name, hint.type, hint, null);
    entity.surnameOnly = words.length === 1 && hint.type !== 'Organization';
    return { entity: this.touch(entity, name, hint), via: words.length === 1 ? 'new-surname' : 'new', ambiguous: false };
  }

  /**
   * "Yulin Cruz" after "Carmen Yulin Cruz": a name of several words that ends the longer name
   * of exactly one person seen before is that person's surname (a double surname, "Van Hollen").
   */
  private byNameTail(words: readonly string[]): DocEntity | null {
    const keys = words.map(nameKey);
    const found = this.partial(words[words.length - 1] as string).filter((e) => {
      if (e.type !== 'Person') return false;
      const parts = e.name.split(/\s+/).map(nameKey);
      return parts.length > keys.length && keys.every((k, i) => parts[parts.length - keys.length + i] === k);
    });
    return found.length === 1 ? (found[0] as DocEntity) : null;
  }

  /**
   * "Morales Ayma" after "Evo Morales": two names that open on the surname of exactly one
   * person named in full before are that person's two surnames, the father's and the
   * mother's, as Spanish names are written; not when the first word reads as a first name.
   */
  private byPaternalSurname(words: readonly string[]): DocEntity | null {
    if (words.length !== 2) return null;
    const [first] = words as [string, string];
    const known = LEXICON[first.toLowerCase()];
    if (known !== undefined && known !== 'LastName') return null;
    const found = this.partial(first).filter((e) => e.type === 'Person' && !e.surnameOnly && nameKey(e.name.split(/\s+/).pop() ?? '') === nameKey(first));
    return found.length === 1 ? (found[0] as DocEntity) : null;
  }

  /**
   * "DJ Koh" after "Dong-jin Koh", "Dong-jin Koh" after "Koh Dong-jin": one person's name
   * written with its given name's initials, or with the family name on its other side, as
   * pages that transliterate Korean and Chinese names do; only for exactly one person.
   */
  private byGivenNameForm(words: readonly string[]): DocEntity | null {
    const candidates = new Set([...(this.byPart.get(nameKey(words[0] as string)) ?? []), ...(this.byPart.get(nameKey(words[words.length - 1] as string)) ?? [])]);
    const found = [...candidates].filter((e) => e.type !== 'Organization' && !e.surnameOnly && sameNameOtherwise(words, e.name));
    return found.length === 1 ? (found[0] as DocEntity) : null;
  }

  /**
   * "Governor Narongsak Osottanakorn" after "Governor Osatanakorn": a titled full name whose
   * surname is one seen alone, with the same title, spelt another way (transliterated) is
   * that person's; the full name names them from here on. Without the title to match, the
   * two are left apart.
   */
  private bySpeltSurname(last: string, hint: ResolveHint): DocEntity | null {
    if (hint.title === undefined || hint.title === null) return null;
    const head = titleHead(hint.title);
    const found = this.entities.filter((e) => e.surnameOnly && e.type !== 'Organization' && e.graph === null && transliterated(e.name, last) && [...e.titles].some((t) => titleHead(t) === head) && completes(e, hint));
    return found.length === 1 ? (found[0] as DocEntity) : null;
  }

  /**
   * Every person "Xu said" may mean after "Xu Jiayin": a name written family name first is
   * called by its first word. Only a word the lexicon does not know as a first name ("Sam" of
   * "Sam Altman" is no surname), unless the name goes on in a hyphenated given name ("Kim
   * Min-ji", "Lee Joon-seok"), which a given name first does not. "Kim said" after "Kim Min-ji"
   * and "Kim Soo-hyun" is one of two.
   */
  familyNamed(word: string): DocEntity[] {
    const key = nameKey(word);
    const known = LEXICON[word.toLowerCase()];
    const givenFirst = known !== undefined && known !== 'LastName';
    return (this.byPart.get(key) ?? []).filter((e) => {
      if (e.type !== 'Person' || e.surnameOnly) return false;
      const words = e.name.split(/\s+/);
      const parts = words.map(nameKey);
      return parts.length >= 2 && parts.length <= 3 && parts[0] === key && (!givenFirst || words.slice(1).some((w) => /\p{L}-\p{Ll}/u.test(w)));
    });
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

  private create(name: string, type: MentionType, hint: { gender?: Gender | null; outlet?: boolean }, graph: GazetteerEntry | null): DocEntity {
    const entity: DocEntity = {
      serial: this.entities.length,
      type: graph === null ? type : registryType(graph.type),
      // "Harold J  Whitlock": the initial's dot was blanked for the rules; the name keeps one space.
      name: graph?.name ?? name.replace(/\s+/g, ' '),
      aliases: new Set(),
      titles: new Set(),
      outlet: graph ? graph.kind === 'NEWS_OUTLET' : (hint.outlet ?? false),
      gender: hint.gender ?? null,
      graph,
      surnameOnly: false,
      acronym: null,
      seen: [],
      typedByName: graph !== null || type !== 'Unknown',
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

  private touch(entity: DocEntity, name: string, hint: ResolveHint): DocEntity {
    if (nameKey(name) !== nameKey(entity.name)) this.addAlias(entity, name);
    // "Maria" after "Hurricane Maria": the storm's short form, read as a first name, makes no person of it.
    if (entity.type === 'Unknown' && hint.type !== 'Unknown' && !namesAStorm(entity.name.split(/\s+/)[0] ?? '')) entity.type = hint.type;
    // "Bloomberg said" after "Mayor Michael Bloomberg": an outlet's word as a person's surname makes no outlet of the person.
    if (hint.outlet && entity.type !== 'Person') entity.outlet = true;
    if (hint.genderSure === true) entity.gender = hint.gender ?? null;
    else entity.gender ??= hint.gender ?? null;
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

  /**
   * The one person named in full whose surname `e` is, when `e` was only ever seen as a
   * surname; `e` itself when there is none, or more than one, or the full name may not
   * complete it (`completes`).
   */
  fullName(e: DocEntity): DocEntity {
    if (!e.surnameOnly || e.graph !== null) return e;
    const full = this.partial(e.name).filter((x) => x !== e && x.type === 'Person' && !x.surnameOnly);
    return full.length === 1 && completes(e, { type: 'Person', at: 0, title: [...(full[0] as DocEntity).titles][0] ?? null, gender: (full[0] as DocEntity).gender }) ? (full[0] as DocEntity) : e;
  }

  /** The person the article has given this title before `before` ("the CIA director"). */
  byTitle(title: string, before: number, localOnly = false): { entity: DocEntity; via: Via } | null {
    const key = (titleForms(title)[0] ?? []).join(' ');
    const local = (this.byTitleKey.get(key) ?? []).filter((e) => (e.seen[0] ?? Infinity) < before);
    if (local.length === 1) return { entity: local[0] as DocEntity, via: 'title' };
    if (local.length > 1 || localOnly) return null;
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
      // The graph may know the body by the word ("the union" for the machinists' association).
      const words = [e.name, ...e.aliases, ...(e.graph?.aliases ?? [])].flatMap((n) => n.toLowerCase().split(/\s+/));
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
    // A body the article also calls by its initials is known by them ("org:faa"), as most
    // reporting names it; a news outlet keeps its name ("org:financial-times", not "org:ft").
    if (entity.type === 'Organization' && !entity.outlet && entity.acronym !== null) return `${ID_PREFIX.Organization}:${slugify(entity.acronym)}`;
    const name = entity.type === 'Organization' ? withoutInitialDots(entity.name) : withoutMiddleInitials(entity.name);
    return `${ID_PREFIX[entity.type === 'Organization' ? 'Organization' : 'Person']}:${slugify(name) || `entity-${entity.serial}`}`;
  }
}

/**
 * "Harold J. Whitlock" is known as Harold Whitlock: a middle initial is left out of a person's
 * id, as the graph's names leave it out; a leading one ("E. Martin Estrada") is kept, since
 * it is how the person is called.
 */
function withoutMiddleInitials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w !== '');
  return words.filter((w, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.?$/u.test(w)).join(' ');
}

/** "U.S. Northern Command" is known as org:us-northern-command: initials keep their letters together, not one word each. */
const withoutInitialDots = (name: string): string => name.replace(/\b(?:\p{Lu}\.){2,}/gu, (initials) => initials.replace(/\./g, ''));

/**
 * Whether a title the text gives someone has a description's head word in any of its forms:
 * "Texas Gov." has the governor's, "assistant vice president" has the president's, not the
 * resident's.
 */
export function titleHasHead(title: string, head: string): boolean {
  const key = (titleForms(head)[0] ?? []).pop();
  return key !== undefined && titleForms(title).some((words) => words.includes(key));
}

/**
 * The word lists a title is known by: abbreviations written out ("Maryland Gov." is a
 * governor, "Sen." a senator), and a chief executive is also the CEO, and back.
 */
function titleForms(title: string): string[][] {
  const words = nameKey(title)
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => TITLE_ABBREVIATION_KEYS.get(w) ?? w);
  const forms = [words];
  const joined = ` ${words.join(' ')} `;
  // The longer form of a pair comes first, so "chief executive officer" is not also read as "CEO officer".
  const shortened = new Set<string>();
  for (const [short, long] of TITLE_SYNONYM_KEYS) {
    if (!shortened.has(short) && joined.includes(` ${long} `)) {
      forms.push(joined.replace(` ${long} `, ` ${short} `).trim().split(' '));
      shortened.add(short);
    } else if (joined.includes(` ${short} `)) {
      forms.push(joined.replace(` ${short} `, ` ${long} `).trim().split(' '));
    }
  }
  return forms;
}

/** The abbreviations and synonyms as name keys (which fold doubled letters: "comisioner"). */
const TITLE_ABBREVIATION_KEYS = new Map(Object.entries(TITLE_ABBREVIATIONS).map(([short, long]) => [nameKey(short), nameKey(long)] as const));
const TITLE_SYNONYM_KEYS = TITLE_SYNONYMS.map(([short, long]) => [nameKey(short), nameKey(long)] as const);

/** How many mentions back "the agency" may look for what it refers to. */
const ANAPHOR_REACH = 400;

function addOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value && !list.includes(value)) list.push(value);
}

/** Index of the last entry with `at` below `before`, or -1; `list` is sorted by `at`. */
function lastBefore(list: readonly { at: number }[], before: number): number {
  return firstIndex(list, (entry) => entry.at >= before) - 1;
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
const registryType = (t: GazetteerEntry['type']): MentionType => (t === 'Person' || t === 'Organization' ? t : 'Unknown');

/**
 * Whether a full name may complete a surname seen alone before: not "Ivanka Trump" after
 * "President Trump" (a surname the text gave a title is someone readers know by it, and a
 * full name without that title someone else), nor a name of the other gender.
 */
function completes(surname: DocEntity, hint: ResolveHint): boolean {
  if (surname.titles.size > 0 && (hint.title === undefined || hint.title === null)) return false;
  return surname.gender === null || hint.gender === null || hint.gender === undefined || surname.gender === hint.gender;
}

const compatible = (a: MentionType | GazetteerEntry['type'], b: MentionType): boolean => a === b || a === 'Unknown' || b === 'Unknown';
const mostRecent = (list: DocEntity[]): DocEntity => list.reduce((a, b) => ((b.seen[b.seen.length - 1] ?? -1) > (a.seen[a.seen.length - 1] ?? -1) ? b : a));
