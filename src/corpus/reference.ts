/**
 * The corpus's reference data: places, organizations, the people in the news, policies and
 * events, each with a unique id, and the entries articles pick their cast, topic and
 * publisher from. It is loaded first, as directory documents without statements, so that
 * articles reference those entities by id instead of rewriting them in every transaction.
 */
import type {
  ArticleDocument,
  EntityInput,
  EventInput,
  OrganizationInput,
  PersonInput,
  PlaceInput,
  PolicyInput,
  SequenceInput,
} from '../ingest/document';
import { nameKey, slugify } from '../ingest/text';
import type { Random } from './random';
import * as V from './words';

export interface PersonEntry {
  readonly id: string;
  readonly name: string;
  readonly surname: string;
  /** How the article introduces them: "Minister of Trade Anna Kessler" → "Anna Kessler, Minister of Trade of Norway". */
  readonly introduction: string;
}

export interface PolicyEntry {
  readonly id: string;
  readonly name: string;
  readonly subject: string;
  readonly instrument: string;
  readonly country: number;
}

export interface NamedEntry {
  readonly id: string;
  readonly name: string;
}

export type Country = (typeof V.COUNTRIES)[number];

export const DAY_MS = 86_400_000;
export const START = Date.UTC(2023, 0, 2);
/** Directory documents hold at most this many entities (the validator allows 5 000). */
const DIRECTORY_CHUNK = 2_000;

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function countryId(index: number): string {
  return `place:${slugify((V.COUNTRIES[index] as Country).name)}`;
}

function governmentId(index: number): string {
  return `org:government-of-${slugify((V.COUNTRIES[index] as Country).name)}`;
}

function ministryId(country: number, ministry: string): string {
  return `org:${slugify(`${(V.COUNTRIES[country] as Country).adjective} ministry of ${ministry}`)}`;
}

/** A full name no one else in the corpus has; double-barrelled surnames once the plain ones run out. */
export function freshName(random: Random, taken: Set<string>): { name: string; surname: string } {
  for (let attempt = 0; ; attempt += 1) {
    const first = random.pick(V.FIRST_NAMES);
    const surname = attempt < 20 ? random.pick(V.LAST_NAMES) : `${random.pick(V.LAST_NAMES)}-${random.pick(V.LAST_NAMES)}`;
    const name = `${first} ${surname}`;
    if (!taken.has(nameKey(name))) {
      taken.add(nameKey(name));
      return { name, surname };
    }
  }
}

export class Reference {
  readonly places: PlaceInput[] = [];
  readonly organizations: OrganizationInput[] = [];
  readonly people: PersonInput[] = [];
  readonly policies: PolicyInput[] = [];
  readonly events: EventInput[] = [];
  readonly sequences: SequenceInput[] = [];
  readonly personEntries: PersonEntry[] = [];
  readonly policyEntries: PolicyEntry[] = [];
  readonly eventEntries: NamedEntry[] = [];
  readonly outletEntries: NamedEntry[] = [];
  /** The name keys of the people in the news, which no one local to an article may take. */
  readonly usedNames = new Set<string>();
  private readonly usedIds = new Set<string>();

  /** The reference data for a corpus of `statements` statements, drawn from `random` (and forks of it). */
  constructor(random: Random, statements: number) {
    this.buildPlacesAndOrganizations(random);
    this.buildPeople(random.fork(2), Math.max(120, Math.round(statements / 40)));
    this.buildPoliciesAndEvents(random.fork(3), Math.max(20, Math.round(statements / 400)), Math.max(20, Math.round(statements / 500)));
  }

  /** The reference data as documents, in dependency order: places, organizations, people, policies and events. */
  documents(): ArticleDocument[] {
    const documents: ArticleDocument[] = [];
    const chunked = (title: string, entities: EntityInput[], sequences: SequenceInput[] = []): void => {
      for (let i = 0; i < entities.length; i += DIRECTORY_CHUNK) {
        const part = entities.slice(i, i + DIRECTORY_CHUNK);
        const n = i / DIRECTORY_CHUNK + 1;
        const fullTitle = `Newsroom directory: ${title}, part ${n}`;
        documents.push({
          article: { id: `article:${slugify(fullTitle)}`, title: fullTitle, text: `${fullTitle}\n${part.map((e) => e.name).join('. ')}.`, publishedAt: '2022-12-31' },
          entities: part,
          // A directory is reference data, not reporting: it mentions nothing.
          mentions: [],
          sequences: i === 0 ? sequences : [],
          statements: [],
        });
      }
    };
    chunked('places', this.places);
    chunked('organizations', this.organizations);
    chunked('people', this.people);
    chunked('policies and events', [...this.policies, ...this.events], this.sequences);
    return documents;
  }

  private uniqueId(prefix: string, name: string): string {
    const base = `${prefix}:${slugify(name)}`;
    let id = base;
    for (let i = 2; this.usedIds.has(id); i += 1) id = `${base}-${i}`;
    this.usedIds.add(id);
    return id;
  }

  private buildPlacesAndOrganizations(random: Random): void {
    V.COUNTRIES.forEach((c) => {
      const country = this.uniqueId('place', c.name);
      this.places.push({ id: country, type: 'Place', name: c.name, kind: 'COUNTRY', aliases: [] });
      for (const city of [c.capital, c.city]) {
        this.places.push({ id: this.uniqueId('place', city), type: 'Place', name: city, kind: 'CITY', partOf: country, aliases: [] });
      }
      this.organizations.push({
        id: this.uniqueId('org', `government of ${c.name}`),
        type: 'Organization',
        name: `Government of ${c.name}`,
        aliases: [`${c.adjective} government`],
        kind: 'GOVERNMENT',
        place: country,
      });
      for (const ministry of V.MINISTRIES) {
        const id = this.uniqueId('org', `${c.adjective} ministry of ${ministry}`);
        this.organizations.push({ id, type: 'Organization', name: `${c.adjective} Ministry of ${ministry}`, aliases: [], kind: 'AGENCY', place: country });
      }
    });
    const home = (): string => countryId(random.int(0, V.COUNTRIES.length - 1));
    for (const name of V.ALLIANCES) this.organizations.push({ id: this.uniqueId('org', name), type: 'Organization', name, aliases: [], kind: 'ALLIANCE' });
    for (const name of V.OUTLETS) {
      const id = this.uniqueId('org', name);
      this.outletEntries.push({ id, name });
      this.organizations.push({ id, type: 'Organization', name, aliases: [], kind: 'NEWS_OUTLET', place: home() });
    }
    for (const name of [...V.COMPANIES, ...V.THINK_TANKS]) {
      this.organizations.push({ id: this.uniqueId('org', name), type: 'Organization', name, aliases: [], kind: 'OTHER', place: home() });
    }
  }

  private buildPeople(random: Random, count: number): void {
    for (let i = 0; i < count; i += 1) {
      const { name, surname } = freshName(random, this.usedNames);
      const c = i % V.COUNTRIES.length;
      const country = V.COUNTRIES[c] as Country;
      const { title, organization, former } = roleOf(random, i, c);
      const shown = `${former ? 'former ' : ''}${title}`;
      const id = this.uniqueId('person', name);
      this.people.push({
        id,
        type: 'Person',
        name,
        aliases: [surname, `${capitalize(shown)} ${name}`],
        description: `${capitalize(shown)}${title.includes(country.name) ? '' : `, ${country.name}`}`,
        roles: [{ title, organization, place: countryId(c), former }],
      });
      this.personEntries.push({ id, name, surname, introduction: `${name}, ${shown}${title.includes(country.name) || !title.includes('Ministry') ? '' : ` of ${country.name}`}` });
    }
  }

  private buildPoliciesAndEvents(random: Random, policyCount: number, eventCount: number): void {
    const names = new Set<string>();
    for (let i = 0; this.policies.length < policyCount; i += 1) {
      const c = random.int(0, V.COUNTRIES.length - 1);
      const country = V.COUNTRIES[c] as Country;
      const subject = random.pick(V.SUBJECTS);
      const instrument = random.pick(V.INSTRUMENTS);
      const base = `${country.adjective} ${subject} ${instrument}`;
      const name = names.has(base) ? `${base} of ${2020 + (i % 6)}` : base;
      if (names.has(name)) continue;
      names.add(name);
      const id = this.uniqueId('policy', name);
      const target = random.chance(0.5) ? countryId((c + random.int(1, V.COUNTRIES.length - 1)) % V.COUNTRIES.length) : `org:${slugify(random.pick(V.COMPANIES))}`;
      const day = START + random.int(-200, 600) * DAY_MS;
      this.policies.push({
        id,
        type: 'Policy',
        name: capitalize(name),
        aliases: [`the ${subject} ${instrument}`],
        description: `A ${subject} ${instrument} imposed by the government of ${country.name}`,
        status: random.pick(['PROPOSED', 'ACTIVE', 'ACTIVE', 'PAUSED', 'ENDED'] as const),
        actors: [governmentId(c)],
        targets: [target],
        date: { text: null, date: isoDate(day), precision: 'DAY' },
      });
      this.policyEntries.push({ id, name: capitalize(name), subject, instrument, country: c });
    }
    const kinds = ['summit on', 'talks on', 'hearing on', 'protest against the'];
    for (let i = 0; this.events.length < eventCount; i += 1) {
      const c = random.int(0, V.COUNTRIES.length - 1);
      const country = V.COUNTRIES[c] as Country;
      const city = random.chance(0.5) ? country.capital : country.city;
      const day = START + random.int(-100, 700) * DAY_MS;
      const name = `${city} ${random.pick(kinds)} ${random.pick(V.SUBJECTS)} ${isoDate(day).slice(0, 7)}`;
      if (names.has(name)) continue;
      names.add(name);
      const id = this.uniqueId('event', name);
      const participants = new Set<string>([governmentId(c)]);
      const extra = random.int(1, 3);
      for (let p = 0; p < extra; p += 1) participants.add(random.pick(this.personEntries).id);
      this.events.push({
        id,
        type: 'Event',
        name: capitalize(name),
        aliases: [],
        participants: [...participants],
        place: `place:${slugify(city)}`,
        date: { text: null, date: isoDate(day), precision: 'DAY' },
      });
      this.eventEntries.push({ id, name: capitalize(name) });
      const policy = random.pick(this.policyEntries);
      this.sequences.push({ from: id, to: policy.id, relation: random.chance(0.5) ? 'LED_TO' : 'PRECEDED' });
    }
  }
}

/** Person `i`'s role in country `c`: the first of each country leads its government, the rest are ministers, executives, analysts and envoys. */
function roleOf(random: Random, i: number, c: number): { title: string; organization: string; former: boolean } {
  const roll = random.next();
  if (i < V.COUNTRIES.length) return { title: `Prime Minister of ${(V.COUNTRIES[c] as Country).name}`, organization: governmentId(c), former: false };
  if (roll < 0.6) {
    const ministry = random.pick(V.MINISTRIES);
    const title = `${random.pick(V.ROLE_TITLES)} ${ministry}`;
    return { title, organization: ministryId(c, ministry), former: random.chance(0.12) };
  }
  if (roll < 0.78) {
    const company = random.pick(V.COMPANIES);
    return { title: `chief executive of ${company}`, organization: `org:${slugify(company)}`, former: false };
  }
  if (roll < 0.9) {
    const tank = random.pick(V.THINK_TANKS);
    return { title: `senior analyst at ${tank}`, organization: `org:${slugify(tank)}`, former: false };
  }
  const alliance = random.pick(V.ALLIANCES);
  return { title: `envoy to the ${alliance}`, organization: `org:${slugify(alliance)}`, former: false };
}
