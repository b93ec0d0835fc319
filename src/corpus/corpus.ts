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
import type { ArticleDocument } from '../ingest/document';
import { writeArticle, type Memory, type Newsroom } from './article';
import { Random, Zipf } from './random';
import { countryId, Reference, type PersonEntry, type PolicyEntry } from './reference';

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

export class Corpus {
  private probesMade: Probes | undefined;
  private readonly reference: Reference;
  private readonly newsroom: Newsroom;

  constructor(readonly options: CorpusOptions) {
    if (!Number.isInteger(options.statements) || options.statements < 100) {
      throw new Error(`statements must be a whole number of at least 100; received ${options.statements}`);
    }
    const random = new Random(options.seed);
    this.reference = new Reference(random, options.statements);
    const ranking = random.fork(1);
    this.newsroom = {
      seed: options.seed,
      expectedArticles: Math.ceil(options.statements / 20),
      speakers: new Zipf(ranking.shuffle(this.reference.personEntries), 1),
      topics: new Zipf(ranking.shuffle(this.reference.policyEntries), 1),
      outlets: new Zipf(ranking.shuffle(this.reference.outletEntries), 0.9),
      eventEntries: this.reference.eventEntries,
      outletEntries: this.reference.outletEntries,
    };
  }

  /** The ids and words the benchmark asks about (the statement one walks half the articles, once). */
  get probes(): Probes {
    if (this.probesMade) return this.probesMade;
    const { speakers, topics, expectedArticles } = this.newsroom;
    const topPolicy = topics.items[0] as PolicyEntry;
    const pathFrom = speakers.items[Math.min(20, speakers.items.length - 1)] as PersonEntry;
    let statement = '';
    let n = 0;
    for (const document of this.articles()) {
      if (n++ < expectedArticles / 2) continue;
      const index = document.statements.findIndex((st) => st.kind === 'INDIRECT');
      if (index < 0) continue;
      statement = `statement:${(document.article.id as string).slice('article:'.length)}:${index + 1}`;
      break;
    }
    this.probesMade = {
      topSpeaker: (speakers.items[0] as PersonEntry).id,
      topPolicy: topPolicy.id,
      searchText: `${topPolicy.subject} ${topPolicy.instrument}`,
      pathFrom: pathFrom.id,
      pathTo: countryId((topics.items[1 % topics.items.length] as PolicyEntry).country),
      statement,
    };
    return this.probesMade;
  }

  /** The reference data, in dependency order: places, organizations, people, policies and events. */
  directory(): ArticleDocument[] {
    return this.reference.documents();
  }

  /**
   * The articles, oldest first, until the statement count is reached. The generator keeps
   * state (which words each speaker has already said), so every call starts over and yields
   * the same documents.
   */
  *articles(counts?: { value: CorpusCounts }): Generator<ArticleDocument> {
    const { reference } = this;
    const tally = {
      places: reference.places.length,
      organizations: reference.organizations.length,
      people: reference.people.length,
      localPeople: 0,
      policies: reference.policies.length,
      events: reference.events.length,
      articles: 0,
      statements: 0,
      direct: 0,
      partial: 0,
      indirect: 0,
      nested: 0,
      reported: 0,
      repeatedQuotes: 0,
    };
    const memory: Memory = { said: new Set(), history: new Map(), localNames: new Set(reference.usedNames), tally };
    for (let n = 0; tally.statements < this.options.statements; n += 1) {
      const document = writeArticle(this.newsroom, memory, n, this.options.statements - tally.statements);
      tally.articles += 1;
      if (counts) counts.value = { ...tally };
      yield document;
    }
  }
}
