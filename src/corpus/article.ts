/**
 * One article of the synthetic corpus: its cast, headline and text, built sentence by
 * sentence so that every statement's span is exact. Article `n` draws from a random source
 * of its own (the seed forked by `n`); what it shares with the articles before it travels in
 * `Memory`: the words each speaker has said (so quotes stay unique), the quotes a speaker may
 * repeat, the names taken, and the counts.
 */
import type { ArticleDocument, DateRef, EntityInput, StatementInput } from '../ingest/document';
import { nameKey, slugify } from '../ingest/text';
import { Random, type Zipf } from './random';
import { capitalize, countryId, DAY_MS, freshName, isoDate, START, type Country, type NamedEntry, type PersonEntry, type PolicyEntry } from './reference';
import * as V from './words';

/** A repeated quote comes from an article at least this many articles earlier, so it is already loaded. */
const REPEAT_DISTANCE = 500;

/** What articles are written from: the reference data, ranked by how much attention each gets. */
export interface Newsroom {
  readonly seed: number;
  /** About how many articles the corpus will have: their dates spread over them. */
  readonly expectedArticles: number;
  readonly speakers: Zipf<PersonEntry>;
  readonly topics: Zipf<PolicyEntry>;
  readonly outlets: Zipf<NamedEntry>;
  readonly eventEntries: readonly NamedEntry[];
  readonly outletEntries: readonly NamedEntry[];
}

/** The counts of CorpusCounts that articles add to. */
export interface ArticleTally {
  localPeople: number;
  statements: number;
  direct: number;
  partial: number;
  indirect: number;
  nested: number;
  reported: number;
  repeatedQuotes: number;
}

export interface Memory {
  /** `speaker|nameKey(text)` of every statement so far. */
  readonly said: Set<string>;
  /** Per speaker, quotes an article far enough on may repeat. */
  readonly history: Map<string, { text: string; article: number }[]>;
  /** Name keys no new local person may take. */
  readonly localNames: Set<string>;
  readonly tally: ArticleTally;
}

/** Appends sentences and remembers where each piece landed. */
class TextBuilder {
  text = '';

  add(piece: string): { start: number; end: number } {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length };
  }
}

/** Article `n`, with at most `remaining` statements. */
export function writeArticle(room: Newsroom, memory: Memory, n: number, remaining: number): ArticleDocument {
  const random = new Random(room.seed).fork(1_000 + n);
  const policy = room.topics.sample(random);
  const country = V.COUNTRIES[policy.country] as Country;
  const publisher = room.outlets.sample(random);
  const published = publicationTime(room, n, random);
  const publishedAt = published.toISOString().replace('.000', '');

  const cast = castOf(room, random);
  const entities: EntityInput[] = [];
  if (random.chance(0.4)) {
    const local = localPerson(random, memory.localNames, country);
    entities.push(local.entity);
    cast.push(local.entry);
    memory.tally.localPeople += 1;
  }
  const lead = cast[0] as PersonEntry;
  const headline = random.pick(['defends', 'criticises', 'questions', 'backs', 'warns over', 'rethinks']);
  const title = `${lead.name} ${headline} ${policy.name}`;
  const slug = `${slugify(title).slice(0, 60).replace(/-+$/, '')}-${n}`;

  const body = new TextBuilder();
  body.add(`${title}\n`);
  const weekday = V.WEEKDAYS[published.getUTCDay()] as string;
  body.add(`The ${policy.name} dominated debate in ${country.capital} on ${weekday}, ${publisher.name} reports.`);
  const target = Math.min(remaining, random.int(8, 32));
  const statements = new StatementWriter(room, memory, random, body, { n, slug, policy, country, published, cast }).write(target);
  body.add('\n');
  memory.tally.statements += statements.length;
  return {
    article: { id: `article:${slug}`, title, text: body.text, publisher: publisher.id, url: `https://news.example/${slug}`, publishedAt },
    entities,
    statements,
  };
}

/** Article `n`'s publication time: the articles spread over at least a year, in daytime hours. */
function publicationTime(room: Newsroom, n: number, random: Random): Date {
  const day = START + Math.floor((n * Math.max(365, room.expectedArticles / 8)) / room.expectedArticles) * DAY_MS;
  return new Date(day + (6 + (n % 14)) * 3_600_000 + random.int(0, 59) * 60_000);
}

/** Two to five of the people in the news, the most quoted most often. */
function castOf(room: Newsroom, random: Random): PersonEntry[] {
  const cast: PersonEntry[] = [];
  const castSize = random.int(2, 5);
  for (let tries = 0; cast.length < castSize && tries < 50; tries += 1) {
    const person = room.speakers.sample(random);
    if (!cast.includes(person)) cast.push(person);
  }
  return cast;
}

/** Someone who appears in one article only: a ferry operator in Bergen. */
function localPerson(random: Random, taken: Set<string>, country: Country): { entity: EntityInput; entry: PersonEntry } {
  const { name, surname } = freshName(random, taken);
  const occupation = random.pick(V.OCCUPATIONS);
  const city = random.chance(0.5) ? country.city : country.capital;
  const id = `person:${slugify(name)}`;
  return {
    entity: { id, type: 'Person', name, aliases: [surname], description: `${capitalize(occupation)} in ${city}`, roles: [{ title: occupation, place: `place:${slugify(city)}` }] },
    entry: { id, name, surname, introduction: `${name}, a ${occupation} in ${city}` },
  };
}

interface ArticleFacts {
  readonly n: number;
  readonly slug: string;
  readonly policy: PolicyEntry;
  readonly country: Country;
  readonly published: Date;
  readonly cast: readonly PersonEntry[];
}

/** What every statement of a sentence carries: who, about what, through which outlets, where and when. */
type Common = Pick<StatementInput, 'speaker' | 'about' | 'reportedBy' | 'venue' | 'date'>;

/** Writes an article's sentences after its opening, most of them statements, until it holds `target` statements. */
class StatementWriter {
  private readonly statements: StatementInput[] = [];
  private readonly introduced = new Set<string>();
  private sentences = 0;

  constructor(
    private readonly room: Newsroom,
    private readonly memory: Memory,
    private readonly random: Random,
    private readonly body: TextBuilder,
    private readonly article: ArticleFacts,
  ) {}

  write(target: number): StatementInput[] {
    while (this.statements.length < target) this.sentence(target);
    return this.statements;
  }

  private sentence(target: number): void {
    const { random, body } = this;
    body.add(this.sentences % random.int(2, 3) === 0 ? '\n' : ' ');
    this.sentences += 1;
    if (random.chance(0.2)) {
      body.add(random.pick(V.FILLERS));
      return;
    }
    const speaker = random.pick(this.article.cast);
    const about = this.aboutOf(speaker);
    const reportedBy = this.reporters();
    const credit = this.creditFor(reportedBy);
    const venue = random.chance(0.4) ? random.pick(V.VENUES) : null;
    const date = this.dateOf();
    const common: Common = { speaker: speaker.id, about, reportedBy, venue, ...(date ? { date } : {}) };
    const roll = random.next();
    const other = this.article.cast.find((p) => p.id !== speaker.id);
    if (roll < 0.03 && other !== undefined && this.statements.length + 2 <= target) this.nestedQuote(speaker, other, common, credit);
    else if (roll < 0.48) this.directQuote(speaker, common, credit, venue);
    else if (roll < 0.7) this.partialQuote(speaker, common, credit);
    else this.paraphrase(speaker, common, credit);
    if (reportedBy.length > 0) this.memory.tally.reported += 1;
  }

  /** The article's policy, and now and then an event, the country or another of the cast. */
  private aboutOf(speaker: PersonEntry): string[] {
    const { random } = this;
    const { policy, cast } = this.article;
    const about = [policy.id];
    if (random.chance(0.2)) about.push(random.pick(this.room.eventEntries).id);
    if (random.chance(0.15)) about.push(countryId(policy.country));
    if (random.chance(0.08)) {
      const other = random.pick(cast);
      if (other.id !== speaker.id) about.push(other.id);
    }
    return about;
  }

  /** The outlets the words reached the article through: none, one, or a chain of two. */
  private reporters(): string[] {
    const { random } = this;
    const reportedBy: string[] = [];
    if (random.chance(0.3)) {
      reportedBy.push(this.room.outlets.sample(random).id);
      if (random.chance(0.2)) {
        const second = this.room.outlets.sample(random);
        if (!reportedBy.includes(second.id)) reportedBy.push(second.id);
      }
    }
    return reportedBy;
  }

  private creditFor(reportedBy: readonly string[]): string {
    const outletName = (id: string): string => (this.room.outletEntries.find((o) => o.id === id) as NamedEntry).name;
    if (reportedBy.length === 0) return '';
    if (reportedBy.length === 1) return `, according to ${outletName(reportedBy[0] as string)}`;
    return `, ${outletName(reportedBy[0] as string)} reported, citing an interview with ${outletName(reportedBy[1] as string)}`;
  }

  /** Now and then, the day the words were said: today or a day of the week before. */
  private dateOf(): DateRef | null {
    const { random } = this;
    if (!random.chance(0.15)) return null;
    const back = random.int(0, 6);
    const when = new Date(this.article.published.getTime() - back * DAY_MS);
    return { text: back === 0 ? 'today' : (V.WEEKDAYS[when.getUTCDay()] as string), date: isoDate(when.getTime()), precision: 'DAY' as const };
  }

  /** The grammatical subject: the full introduction (set off by commas) the first time, the surname after. */
  private refer(person: PersonEntry): string {
    if (this.introduced.has(person.id)) return person.surname;
    this.introduced.add(person.id);
    return `${person.introduction},`;
  }

  /** Words `speaker` has not said before, as far as a dozen tries of `make` find them. */
  private unique(speaker: string, make: () => string): string {
    const { said } = this.memory;
    let text = make();
    for (let attempt = 0; attempt < 12 && said.has(`${speaker}|${nameKey(text)}`); attempt += 1) text = make();
    said.add(`${speaker}|${nameKey(text)}`);
    return text;
  }

  private policyPhrase(): string {
    const { policy, country } = this.article;
    return this.random.pick([`the ${policy.subject} ${policy.instrument}`, `this ${policy.instrument}`, `the ${country.adjective} ${policy.instrument}`]);
  }

  /** A quote inside a quote: the outer speaker repeats what `other` told them. */
  private nestedQuote(speaker: PersonEntry, other: PersonEntry, common: Common, credit: string): void {
    const { random, body } = this;
    const { policy, slug } = this.article;
    const inner = this.unique(other.id, () => `${random.pick(V.NESTED_QUOTES)} on ${policy.subject}, ${random.pick(V.TAILS)}`);
    const opener = random.pick(V.NESTED_OPENERS);
    const tail = random.pick(V.NESTED_TAILS);
    const who = this.refer(speaker);
    body.add('“');
    const outerStart = body.text.length;
    body.add(`${opener} ‘`);
    const innerSpan = body.add(inner);
    body.add(`’ ${tail},`);
    const outerEnd = body.text.length;
    body.add(`” ${who} said${credit}.`);
    const outerText = body.text.slice(outerStart, outerEnd);
    this.memory.said.add(`${speaker.id}|${nameKey(outerText)}`);
    const outerId = `statement:${slug}:${outerStart}-${outerEnd}`;
    this.statements.push({ id: outerId, kind: 'DIRECT', text: outerText, start: outerStart, end: outerEnd, ...common, venue: null });
    this.statements.push({ kind: 'DIRECT', speaker: other.id, text: inner, start: innerSpan.start, end: innerSpan.end, about: [policy.id], quotedIn: outerId });
    this.memory.tally.direct += 2;
    this.memory.tally.nested += 1;
  }

  private directQuote(speaker: PersonEntry, common: Common, credit: string, venue: string | null): void {
    const quote = this.quoteOf(speaker);
    const who = this.refer(speaker);
    this.body.add('“');
    const span = this.body.add(quote);
    this.body.add(`” ${who} ${venue ?? 'said'}${credit}.`);
    this.statements.push({ kind: 'DIRECT', text: quote, start: span.start, end: span.end, ...common });
    this.memory.tally.direct += 1;
  }

  /** A new quote for `speaker`, or now and then one they said in an article far enough back. */
  private quoteOf(speaker: PersonEntry): string {
    const { random, memory } = this;
    const { n } = this.article;
    const earlier = (memory.history.get(speaker.id) ?? []).filter((h) => h.article <= n - REPEAT_DISTANCE);
    if (earlier.length > 0 && random.chance(0.04)) {
      memory.tally.repeatedQuotes += 1;
      return random.pick(earlier).text;
    }
    const quote = this.unique(speaker.id, () => `${random.pick(V.OPENERS)} ${random.pick(V.VERB_PHRASES)} ${this.policyPhrase()} ${random.pick(V.TAILS)},`);
    const list = memory.history.get(speaker.id) ?? [];
    if (list.length < 50) list.push({ text: quote, article: n });
    memory.history.set(speaker.id, list);
    return quote;
  }

  private partialQuote(speaker: PersonEntry, common: Common, credit: string): void {
    const { random, body } = this;
    const fragment = this.unique(speaker.id, () => `${random.pick(V.FRAGMENTS)} for ${random.pick(V.SUBJECTS)} ${random.pick(['workers', 'exporters', 'towns', 'families', 'investors', 'regions', 'suppliers', 'consumers'])}`);
    body.add(`${capitalize(this.refer(speaker))} called ${this.policyPhrase()} “`);
    const span = body.add(fragment);
    body.add(`”${credit}.`);
    this.statements.push({ kind: 'PARTIAL', text: fragment, start: span.start, end: span.end, ...common, venue: null });
    this.memory.tally.partial += 1;
  }

  private paraphrase(speaker: PersonEntry, common: Common, credit: string): void {
    const paraphrase = this.random.pick(V.PARAPHRASES).replace('{policy}', `the ${this.article.policy.name}`);
    const span = this.body.add(`${capitalize(this.refer(speaker))} said ${paraphrase}${credit}.`);
    this.statements.push({ kind: 'INDIRECT', text: `${capitalize(paraphrase)}.`, start: span.start, end: span.end, ...common, venue: null });
    this.memory.tally.indirect += 1;
  }
}
