/**
 * A synthetic news corpus with the shape of the real one: people with roles, outlets,
 * places, policies and events; articles whose text is built sentence by sentence, so every
 * quote's span is exact; direct, partial and paraphrased statements; quotes inside quotes
 * (quotedIn); reporting chains of one or two outlets (reportedBy); and a few speakers and
 * policies that get far more attention than the rest (Zipf-like, exponent 1).
 *
 * Everything follows from (statements, seed): the same pair gives byte-identical documents.
 *
 * The reference data (places, organizations, the people in the news, policies, events) comes
 * first, as a few directory documents without statements; articles then reference those
 * entities by id, as a newsroom's pipeline does once its entities are resolved, and define
 * only the people who appear once (a ferry operator in Bergen). That keeps concurrent loads
 * from rewriting the same hot entities in every transaction.
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
  StatementInput,
} from '../ingest/document';
import { nameKey, slugify } from '../ingest/text';
import { Random, Zipf } from './random';
import * as V from './words';

export interface CorpusOptions {
  /** How many statement entries the articles hold in all (quotes inside quotes included). */
  readonly statements: number;
  readonly seed: number;
}

/** Ids and texts the benchmark asks about, chosen from the corpus's own shape. */
export interface Probes {
  /** The most quoted person (Zipf rank 0). */
  readonly topSpeaker: string;
  /** The policy most statements are about. */
  readonly topPolicy: string;
  /** The words a reader would type to find the top policy ("fuel subsidy"). */
  readonly searchText: string;
  /** Two entities a path question connects: a mid-ranked speaker and a country. */
  readonly pathFrom: string;
  readonly pathTo: string;
  /** A paraphrase (never shared with another article) from the article in the middle of the corpus. */
  readonly statement: string;
}

export interface CorpusCounts {
  readonly places: number;
  readonly organizations: number;
  readonly people: number;
  readonly localPeople: number;
  readonly policies: number;
  readonly events: number;
  readonly articles: number;
  readonly statements: number;
  readonly direct: number;
  readonly partial: number;
  readonly indirect: number;
  readonly nested: number;
  readonly reported: number;
  /** Quotes deliberately repeated from an earlier article: one statement, two pieces of evidence. */
  readonly repeatedQuotes: number;
}

interface PersonEntry {
  readonly id: string;
  readonly name: string;
  readonly surname: string;
  /** How the article introduces them: "Minister of Trade Anna Kessler" → "Anna Kessler, Minister of Trade of Norway". */
  readonly introduction: string;
}

interface PolicyEntry {
  readonly id: string;
  readonly name: string;
  readonly subject: string;
  readonly instrument: string;
  readonly country: number;
}

interface NamedEntry {
  readonly id: string;
  readonly name: string;
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 2);
/** Directory documents hold at most this many entities (the validator allows 5 000). */
const DIRECTORY_CHUNK = 2_000;
/** A repeated quote comes from an article at least this many articles earlier, so it is already loaded. */
const REPEAT_DISTANCE = 500;

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Appends sentences and remembers where each piece landed. */
class TextBuilder {
  text = '';

  add(piece: string): { start: number; end: number } {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length };
  }
}

export class Corpus {
  private probesMade: Probes | undefined;
  private readonly random: Random;
  private readonly places: PlaceInput[] = [];
  private readonly organizations: OrganizationInput[] = [];
  private readonly people: PersonInput[] = [];
  private readonly policies: PolicyInput[] = [];
  private readonly events: EventInput[] = [];
  private readonly sequences: SequenceInput[] = [];
  private readonly personEntries: PersonEntry[] = [];
  private readonly policyEntries: PolicyEntry[] = [];
  private readonly eventEntries: NamedEntry[] = [];
  private readonly outletEntries: NamedEntry[] = [];
  private readonly speakers: Zipf<PersonEntry>;
  private readonly topics: Zipf<PolicyEntry>;
  private readonly outlets: Zipf<NamedEntry>;
  private readonly usedNames = new Set<string>();
  private readonly usedIds = new Set<string>();
  private readonly expectedArticles: number;

  constructor(readonly options: CorpusOptions) {
    if (!Number.isInteger(options.statements) || options.statements < 100) {
      throw new Error(`statements must be a whole number of at least 100; received ${options.statements}`);
    }
    this.random = new Random(options.seed);
    this.expectedArticles = Math.ceil(options.statements / 20);
    this.buildPlacesAndOrganizations();
    this.buildPeople(Math.max(120, Math.round(options.statements / 40)));
    this.buildPoliciesAndEvents(Math.max(20, Math.round(options.statements / 400)), Math.max(20, Math.round(options.statements / 500)));
    const ranking = this.random.fork(1);
    this.speakers = new Zipf(ranking.shuffle(this.personEntries), 1);
    this.topics = new Zipf(ranking.shuffle(this.policyEntries), 1);
    this.outlets = new Zipf(ranking.shuffle(this.outletEntries), 0.9);
  }

  /** The ids and words the benchmark asks about (the statement one walks half the articles, once). */
  get probes(): Probes {
    if (this.probesMade) return this.probesMade;
    const topPolicy = this.topics.items[0] as PolicyEntry;
    const pathFrom = this.speakers.items[Math.min(20, this.speakers.items.length - 1)] as PersonEntry;
    let statement = '';
    let n = 0;
    for (const document of this.articles()) {
      if (n++ < this.expectedArticles / 2) continue;
      const index = document.statements.findIndex((st) => st.kind === 'INDIRECT');
      if (index < 0) continue;
      statement = `statement:${(document.article.id as string).slice('article:'.length)}:${index + 1}`;
      break;
    }
    this.probesMade = {
      topSpeaker: (this.speakers.items[0] as PersonEntry).id,
      topPolicy: topPolicy.id,
      searchText: `${topPolicy.subject} ${topPolicy.instrument}`,
      pathFrom: pathFrom.id,
      pathTo: this.countryId(this.topicCountry(1)),
      statement,
    };
    return this.probesMade;
  }

  /** The reference data, in dependency order: places, organizations, people, policies and events. */
  directory(): ArticleDocument[] {
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

  /**
   * The articles, oldest first, until the statement count is reached. The generator keeps
   * state (which words each speaker has already said), so every call starts over and yields
   * the same documents.
   */
  *articles(counts?: { value: CorpusCounts }): Generator<ArticleDocument> {
    const tally = {
      places: this.places.length,
      organizations: this.organizations.length,
      people: this.people.length,
      localPeople: 0,
      policies: this.policies.length,
      events: this.events.length,
      articles: 0,
      statements: 0,
      direct: 0,
      partial: 0,
      indirect: 0,
      nested: 0,
      reported: 0,
      repeatedQuotes: 0,
    };
    const said = new Set<string>();
    const history = new Map<string, { text: string; article: number }[]>();
    const localNames = new Set(this.usedNames);
    for (let n = 0; tally.statements < this.options.statements; n += 1) {
      const document = this.article(n, this.options.statements - tally.statements, said, history, localNames, tally);
      tally.articles += 1;
      if (counts) counts.value = { ...tally };
      yield document;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reference data

  private uniqueId(prefix: string, name: string): string {
    const base = `${prefix}:${slugify(name)}`;
    let id = base;
    for (let i = 2; this.usedIds.has(id); i += 1) id = `${base}-${i}`;
    this.usedIds.add(id);
    return id;
  }

  private countryId(index: number): string {
    return `place:${slugify((V.COUNTRIES[index] as (typeof V.COUNTRIES)[number]).name)}`;
  }

  private governmentId(index: number): string {
    return `org:government-of-${slugify((V.COUNTRIES[index] as (typeof V.COUNTRIES)[number]).name)}`;
  }

  private ministryId(country: number, ministry: string): string {
    return `org:${slugify(`${(V.COUNTRIES[country] as (typeof V.COUNTRIES)[number]).adjective} ministry of ${ministry}`)}`;
  }

  private topicCountry(rank: number): number {
    return (this.topics.items[rank % this.topics.items.length] as PolicyEntry).country;
  }

  private buildPlacesAndOrganizations(): void {
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
    const home = (): string => this.countryId(this.random.int(0, V.COUNTRIES.length - 1));
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

  /** A full name no one else in the corpus has; double-barrelled surnames once the plain ones run out. */
  private freshName(random: Random, taken: Set<string>): { name: string; surname: string } {
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

  private buildPeople(count: number): void {
    const random = this.random.fork(2);
    for (let i = 0; i < count; i += 1) {
      const { name, surname } = this.freshName(random, this.usedNames);
      const c = i % V.COUNTRIES.length;
      const country = V.COUNTRIES[c] as (typeof V.COUNTRIES)[number];
      const roll = random.next();
      let title: string;
      let organization: string;
      let former = false;
      if (i < V.COUNTRIES.length) {
        title = `Prime Minister of ${country.name}`;
        organization = this.governmentId(c);
      } else if (roll < 0.6) {
        const ministry = random.pick(V.MINISTRIES);
        title = `${random.pick(V.ROLE_TITLES)} ${ministry}`;
        organization = this.ministryId(c, ministry);
        former = random.chance(0.12);
      } else if (roll < 0.78) {
        const company = random.pick(V.COMPANIES);
        title = `chief executive of ${company}`;
        organization = `org:${slugify(company)}`;
      } else if (roll < 0.9) {
        const tank = random.pick(V.THINK_TANKS);
        title = `senior analyst at ${tank}`;
        organization = `org:${slugify(tank)}`;
      } else {
        const alliance = random.pick(V.ALLIANCES);
        title = `envoy to the ${alliance}`;
        organization = `org:${slugify(alliance)}`;
      }
      const shown = `${former ? 'former ' : ''}${title}`;
      const id = this.uniqueId('person', name);
      this.people.push({
        id,
        type: 'Person',
        name,
        aliases: [surname, `${capitalize(shown)} ${name}`],
        description: `${capitalize(shown)}${title.includes(country.name) ? '' : `, ${country.name}`}`,
        roles: [{ title, organization, place: this.countryId(c), former }],
      });
      this.personEntries.push({ id, name, surname, introduction: `${name}, ${shown}${title.includes(country.name) || !title.includes('Ministry') ? '' : ` of ${country.name}`}` });
    }
  }

  private buildPoliciesAndEvents(policyCount: number, eventCount: number): void {
    const random = this.random.fork(3);
    const names = new Set<string>();
    for (let i = 0; this.policies.length < policyCount; i += 1) {
      const c = random.int(0, V.COUNTRIES.length - 1);
      const country = V.COUNTRIES[c] as (typeof V.COUNTRIES)[number];
      const subject = random.pick(V.SUBJECTS);
      const instrument = random.pick(V.INSTRUMENTS);
      const base = `${country.adjective} ${subject} ${instrument}`;
      const name = names.has(base) ? `${base} of ${2020 + (i % 6)}` : base;
      if (names.has(name)) continue;
      names.add(name);
      const id = this.uniqueId('policy', name);
      const target = random.chance(0.5) ? this.countryId((c + random.int(1, V.COUNTRIES.length - 1)) % V.COUNTRIES.length) : `org:${slugify(random.pick(V.COMPANIES))}`;
      const day = START + random.int(-200, 600) * DAY_MS;
      this.policies.push({
        id,
        type: 'Policy',
        name: capitalize(name),
        aliases: [`the ${subject} ${instrument}`],
        description: `A ${subject} ${instrument} imposed by the government of ${country.name}`,
        status: random.pick(['PROPOSED', 'ACTIVE', 'ACTIVE', 'PAUSED', 'ENDED'] as const),
        actors: [this.governmentId(c)],
        targets: [target],
        date: { text: null, date: isoDate(day), precision: 'DAY' },
      });
      this.policyEntries.push({ id, name: capitalize(name), subject, instrument, country: c });
    }
    const kinds = ['summit on', 'talks on', 'hearing on', 'protest against the'];
    for (let i = 0; this.events.length < eventCount; i += 1) {
      const c = random.int(0, V.COUNTRIES.length - 1);
      const country = V.COUNTRIES[c] as (typeof V.COUNTRIES)[number];
      const city = random.chance(0.5) ? country.capital : country.city;
      const day = START + random.int(-100, 700) * DAY_MS;
      const name = `${city} ${random.pick(kinds)} ${random.pick(V.SUBJECTS)} ${isoDate(day).slice(0, 7)}`;
      if (names.has(name)) continue;
      names.add(name);
      const id = this.uniqueId('event', name);
      const participants = new Set<string>([this.governmentId(c)]);
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

  // -------------------------------------------------------------------------------------------
  // Articles

  private article(
    n: number,
    remaining: number,
    said: Set<string>,
    history: Map<string, { text: string; article: number }[]>,
    localNames: Set<string>,
    tally: { -readonly [K in keyof CorpusCounts]: CorpusCounts[K] },
  ): ArticleDocument {
    const random = new Random(this.options.seed).fork(1_000 + n);
    const policy = this.topics.sample(random);
    const country = V.COUNTRIES[policy.country] as (typeof V.COUNTRIES)[number];
    const publisher = this.outlets.sample(random);
    const day = START + Math.floor((n * Math.max(365, this.expectedArticles / 8)) / this.expectedArticles) * DAY_MS;
    const published = new Date(day + (6 + (n % 14)) * 3_600_000 + random.int(0, 59) * 60_000);
    const publishedAt = published.toISOString().replace('.000', '');

    const cast: PersonEntry[] = [];
    const castSize = random.int(2, 5);
    for (let tries = 0; cast.length < castSize && tries < 50; tries += 1) {
      const person = this.speakers.sample(random);
      if (!cast.includes(person)) cast.push(person);
    }
    const entities: EntityInput[] = [];
    if (random.chance(0.4)) {
      const { name, surname } = this.freshName(random, localNames);
      const occupation = random.pick(V.OCCUPATIONS);
      const city = random.chance(0.5) ? country.city : country.capital;
      const id = `person:${slugify(name)}`;
      entities.push({ id, type: 'Person', name, aliases: [surname], description: `${capitalize(occupation)} in ${city}`, roles: [{ title: occupation, place: `place:${slugify(city)}` }] });
      cast.push({ id, name, surname, introduction: `${name}, a ${occupation} in ${city}` });
      tally.localPeople += 1;
    }
    const lead = cast[0] as PersonEntry;
    const headline = random.pick(['defends', 'criticises', 'questions', 'backs', 'warns over', 'rethinks']);
    const title = `${lead.name} ${headline} ${policy.name}`;
    const slug = `${slugify(title).slice(0, 60).replace(/-+$/, '')}-${n}`;
    const articleId = `article:${slug}`;

    const body = new TextBuilder();
    body.add(`${title}\n`);
    const weekday = V.WEEKDAYS[published.getUTCDay()] as string;
    body.add(`The ${policy.name} dominated debate in ${country.capital} on ${weekday}, ${publisher.name} reports.`);

    const introduced = new Set<string>();
    /** The grammatical subject: the full introduction (set off by commas) the first time, the surname after. */
    const refer = (person: PersonEntry): string => {
      if (introduced.has(person.id)) return person.surname;
      introduced.add(person.id);
      return `${person.introduction},`;
    };
    const statements: StatementInput[] = [];
    const target = Math.min(remaining, random.int(8, 32));
    const unique = (speaker: string, make: () => string): string => {
      let text = make();
      for (let attempt = 0; attempt < 12 && said.has(`${speaker}|${nameKey(text)}`); attempt += 1) text = make();
      said.add(`${speaker}|${nameKey(text)}`);
      return text;
    };
    const policyPhrase = (): string => random.pick([`the ${policy.subject} ${policy.instrument}`, `this ${policy.instrument}`, `the ${country.adjective} ${policy.instrument}`]);

    let sentences = 0;
    while (statements.length < target) {
      body.add(sentences % random.int(2, 3) === 0 ? '\n' : ' ');
      sentences += 1;
      if (random.chance(0.2)) {
        body.add(random.pick(V.FILLERS));
        continue;
      }
      const speaker = random.pick(cast);
      const about = [policy.id];
      if (random.chance(0.2)) about.push(random.pick(this.eventEntries).id);
      if (random.chance(0.15)) about.push(this.countryId(policy.country));
      if (random.chance(0.08)) {
        const other = random.pick(cast);
        if (other.id !== speaker.id) about.push(other.id);
      }
      const reportedBy: string[] = [];
      if (random.chance(0.3)) {
        reportedBy.push(this.outlets.sample(random).id);
        if (random.chance(0.2)) {
          const second = this.outlets.sample(random);
          if (!reportedBy.includes(second.id)) reportedBy.push(second.id);
        }
      }
      const outletName = (id: string): string => (this.outletEntries.find((o) => o.id === id) as NamedEntry).name;
      const credit =
        reportedBy.length === 0
          ? ''
          : reportedBy.length === 1
            ? `, according to ${outletName(reportedBy[0] as string)}`
            : `, ${outletName(reportedBy[0] as string)} reported, citing an interview with ${outletName(reportedBy[1] as string)}`;
      const venue = random.chance(0.4) ? random.pick(V.VENUES) : null;
      const date = random.chance(0.15)
        ? (() => {
            const back = random.int(0, 6);
            const when = new Date(published.getTime() - back * DAY_MS);
            return { text: back === 0 ? 'today' : (V.WEEKDAYS[when.getUTCDay()] as string), date: isoDate(when.getTime()), precision: 'DAY' as const };
          })()
        : null;
      const common = { speaker: speaker.id, about, reportedBy, venue, ...(date ? { date } : {}) };
      const roll = random.next();
      const other = cast.find((p) => p.id !== speaker.id);

      if (roll < 0.03 && other !== undefined && statements.length + 2 <= target) {
        // A quote inside a quote: the outer speaker repeats what `other` told them.
        const inner = unique(other.id, () => `${random.pick(V.NESTED_QUOTES)} on ${policy.subject}, ${random.pick(V.TAILS)}`);
        const opener = random.pick(V.NESTED_OPENERS);
        const tail = random.pick(V.NESTED_TAILS);
        const who = refer(speaker);
        body.add('“');
        const outerStart = body.text.length;
        body.add(`${opener} ‘`);
        const innerSpan = body.add(inner);
        body.add(`’ ${tail},`);
        const outerEnd = body.text.length;
        body.add(`” ${who} said${credit}.`);
        const outerText = body.text.slice(outerStart, outerEnd);
        said.add(`${speaker.id}|${nameKey(outerText)}`);
        const outerId = `statement:${slug}:${outerStart}-${outerEnd}`;
        statements.push({ id: outerId, kind: 'DIRECT', text: outerText, start: outerStart, end: outerEnd, ...common, venue: null });
        statements.push({ kind: 'DIRECT', speaker: other.id, text: inner, start: innerSpan.start, end: innerSpan.end, about: [policy.id], quotedIn: outerId });
        tally.direct += 2;
        tally.nested += 1;
      } else if (roll < 0.48) {
        const earlier = (history.get(speaker.id) ?? []).filter((h) => h.article <= n - REPEAT_DISTANCE);
        let quote: string;
        if (earlier.length > 0 && random.chance(0.04)) {
          quote = random.pick(earlier).text;
          tally.repeatedQuotes += 1;
        } else {
          quote = unique(speaker.id, () => `${random.pick(V.OPENERS)} ${random.pick(V.VERB_PHRASES)} ${policyPhrase()} ${random.pick(V.TAILS)},`);
          const list = history.get(speaker.id) ?? [];
          if (list.length < 50) list.push({ text: quote, article: n });
          history.set(speaker.id, list);
        }
        const who = refer(speaker);
        body.add('“');
        const span = body.add(quote);
        body.add(`” ${who} ${venue ?? 'said'}${credit}.`);
        statements.push({ kind: 'DIRECT', text: quote, start: span.start, end: span.end, ...common });
        tally.direct += 1;
      } else if (roll < 0.7) {
        const fragment = unique(speaker.id, () => `${random.pick(V.FRAGMENTS)} for ${random.pick(V.SUBJECTS)} ${random.pick(['workers', 'exporters', 'towns', 'families', 'investors', 'regions', 'suppliers', 'consumers'])}`);
        body.add(`${capitalize(refer(speaker))} called ${policyPhrase()} “`);
        const span = body.add(fragment);
        body.add(`”${credit}.`);
        statements.push({ kind: 'PARTIAL', text: fragment, start: span.start, end: span.end, ...common, venue: null });
        tally.partial += 1;
      } else {
        const paraphrase = random.pick(V.PARAPHRASES).replace('{policy}', `the ${policy.name}`);
        const span = body.add(`${capitalize(refer(speaker))} said ${paraphrase}${credit}.`);
        statements.push({ kind: 'INDIRECT', text: `${capitalize(paraphrase)}.`, start: span.start, end: span.end, ...common, venue: null });
        tally.indirect += 1;
      }
      if (reportedBy.length > 0) tally.reported += 1;
    }
    body.add('\n');
    tally.statements += statements.length;
    return {
      article: { id: articleId, title, text: body.text, publisher: publisher.id, url: `https://news.example/${slug}`, publishedAt },
      entities,
      statements,
    };
  }
}
