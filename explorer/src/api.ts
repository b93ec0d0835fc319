/**
 * The explorer's only way to the data: the public GraphQL API at /graphql, on the same
 * origin, with the same operations any client could send. Every operation here stays
 * well inside the server's query limits (1,000 tokens, depth 10, cost 50,000).
 */
import { EDITORIAL_FIELDS, type Editorial } from './edits';

export class ApiError extends Error {
  constructor(
    message: string,
    /** The GraphQL error code (BAD_USER_INPUT, NOT_FOUND, ...) or HTTP_<status> or NETWORK. */
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const ENDPOINT = '/graphql';

/** Runs one operation; any GraphQL error fails the whole call with the server's message. */
export async function query<T>(document: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(`Could not reach the API at ${ENDPOINT}: ${error instanceof Error ? error.message : String(error)}`, 'NETWORK');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without a GraphQL body.`, `HTTP_${response.status}`);
  }
  const [first] = body.errors ?? [];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${response.status}`);
  if (!body.data) throw new ApiError(`The API answered HTTP ${response.status} with no data.`, `HTTP_${response.status}`);
  return body.data;
}

// ---- The shapes the operations below return ------------------------------------------

import type { EntityType, NodeType, Stance, StatementKind } from '../../src/vocabulary';

export type { EntityType, NodeType, Stance, StatementKind };

export interface EntityRef {
  __typename: EntityType;
  id: string;
  name: string;
  /** Present where the operation asks for it (search, paths, timeline). */
  description?: string | null;
}

export interface DateInfo {
  date: string | null;
  text: string | null;
  precision: string | null;
}

export interface StatementSummary {
  __typename: 'Statement';
  id: string;
  kind: StatementKind;
  text: string;
  venue: string | null;
  speaker: EntityRef;
  about: EntityRef[];
  reportedBy: EntityRef[];
}

export interface Role {
  title: string;
  former: boolean;
  organization: EntityRef | null;
  place: EntityRef | null;
}

interface StatementPage {
  totalCount: number;
  edges: { node: StatementSummary }[];
}

export interface EntityDetail extends EntityRef {
  description: string | null;
  aliases: string[];
  statements: StatementPage;
  mentionedIn: StatementPage;
  // Person
  roles?: Role[];
  events?: EntityRef[];
  // Organization, Place
  kind?: string;
  place?: EntityRef | null;
  reported?: StatementPage;
  partOf?: EntityRef | null;
  // Policy, Event
  status?: string;
  date?: DateInfo | null;
  actors?: EntityRef[];
  targets?: EntityRef[];
  participants?: EntityRef[];
  precededBy?: EntityRef[];
  followedBy?: EntityRef[];
  causedBy?: EntityRef[];
  ledTo?: EntityRef[];
}

export interface ArticleRef {
  __typename: 'Article';
  id: string;
  title: string;
  publishedAt: string | null;
}

export interface Evidence {
  start: number;
  end: number;
  sentence: string;
  sentenceStart: number;
  article: ArticleRef;
}

export interface StatementRef {
  __typename: 'Statement';
  id: string;
  kind: StatementKind;
  text: string;
  speaker: EntityRef;
}

export interface StatementDetail extends StatementSummary, Editorial {
  date: DateInfo | null;
  speaker: EntityRef & { roles?: Role[] };
  quotedIn: StatementRef | null;
  quotes: StatementRef[];
  evidence: Evidence;
  evidences: Evidence[];
}

/** Any node an exploration answer (search, paths, timeline) can hold. */
export type AnyNode = EntityRef | StatementRef | ArticleRef;

export interface SearchHit {
  score: number;
  snippet: string | null;
  node: AnyNode;
}

export interface PathStep {
  from: string;
  to: string;
  relation: string;
  forward: boolean;
}

export interface Path {
  length: number;
  nodes: AnyNode[];
  steps: PathStep[];
}

export interface TimelineItem {
  date: string | null;
  dateText: string | null;
  precision: string | null;
  node: AnyNode;
}

export interface AttributionBucket {
  id: string | null;
  label: string;
  count: number;
}

export type Interval = 'DAY' | 'WEEK' | 'MONTH';
export type AttributionDimension = 'SPEAKER' | 'ABOUT' | 'REPORTED_BY' | 'KIND' | 'STANCE' | 'ARTICLE';

/** What `attributionSeries` answers for one group: a point per interval, oldest first. */
export interface Series {
  id: string | null;
  label: string;
  total: number;
  points: { start: string; count: number; share: number }[];
}

export type NetworkDimension = 'ABOUT' | 'REPORTED_BY' | 'CO_QUOTED';

export interface NetworkAnswer {
  statementCount: number;
  edgeCount: number;
  truncated: boolean;
  nodes: { id: string; name: string; type: string; degree: number; weightedDegree: number }[];
  edges: { source: string; target: string; relation: NetworkDimension; weight: number; evidence: string[] }[];
}

export interface RankingAnswer {
  speakers: { id: string; pageRank: number }[];
  topics: { id: string; pageRank: number }[];
}

export interface ArticleDetail extends ArticleRef, Editorial {
  text: string;
  url: string | null;
  publisher: EntityRef | null;
  statements: { totalCount: number; edges: { node: StatementSummary & { evidences: Evidence[] } }[] };
}

// ---- Operations ------------------------------------------------------------------------

const REF = '__typename id name';
const NODE_REF = `__typename id ... on Entity { name description } ... on Statement { kind text speaker { ${REF} } } ... on Article { title publishedAt }`;
const STATEMENT_SUMMARY = `fragment S on Statement { __typename id kind text venue speaker { ${REF} } about { ${REF} } reportedBy { ${REF} } }`;
const DATE = 'date { date text precision }';
const SEQUENCE = `precededBy { ${REF} } followedBy { ${REF} } causedBy { ${REF} } ledTo { ${REF} }`;
/** Enough statements to draw; the counts say when there are more. */
export const STATEMENTS_SHOWN = 50;

export const SEARCH = `query ExplorerSearch($text: String!, $first: Int) {
  search(text: $text, first: $first) { score snippet node { ${NODE_REF} } }
}`;

export const ENTITY = `query ExplorerEntity($id: ID!, $first: Int) {
  entity(id: $id) {
    ${REF} description aliases
    statements(first: $first) { totalCount edges { node { ...S } } }
    mentionedIn(first: $first) { totalCount edges { node { ...S } } }
    ... on Person { roles { title former organization { ${REF} } place { ${REF} } } events { ${REF} } }
    ... on Organization { kind place { ${REF} } reported(first: $first) { totalCount edges { node { ...S } } } }
    ... on Place { kind partOf { ${REF} } }
    ... on Policy { status ${DATE} actors { ${REF} } targets { ${REF} } ${SEQUENCE} }
    ... on Event { ${DATE} place { ${REF} } participants { ${REF} } ${SEQUENCE} }
  }
}
${STATEMENT_SUMMARY}`;

const EVIDENCE = 'start end sentence sentenceStart article { __typename id title publishedAt }';
const STATEMENT_REF = `__typename id kind text speaker { ${REF} }`;

export const STATEMENT = `query ExplorerStatement($id: ID!) {
  statement(id: $id) {
    __typename id kind text venue ${DATE}
    speaker { ${REF} ... on Person { roles { title former organization { ${REF} } place { ${REF} } } } }
    about { ${REF} }
    reportedBy { ${REF} }
    quotedIn { ${STATEMENT_REF} }
    quotes { ${STATEMENT_REF} }
    evidence { ${EVIDENCE} }
    evidences { ${EVIDENCE} }
    ${EDITORIAL_FIELDS}
  }
}`;

export const ARTICLE = `query ExplorerArticle($id: ID!, $first: Int) {
  article(id: $id) {
    __typename id title publishedAt url text publisher { ${REF} } ${EDITORIAL_FIELDS}
    statements(first: $first) { totalCount edges { node { ...S evidences { start end sentence sentenceStart article { __typename id title publishedAt } } } } }
  }
}
${STATEMENT_SUMMARY}`;

export const PATHS = `query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
    length nodes { ${NODE_REF} } steps { from to relation forward }
  }
}`;

export const TIMELINE = `query ExplorerTimeline($entity: ID, $first: Int) {
  timeline(entity: $entity, first: $first) { date dateText precision node { ${NODE_REF} } }
}`;

export const ATTRIBUTION = `query ExplorerAttribution($filter: StatementFilter) {
  speakers: attribution(groupBy: SPEAKER, filter: $filter) { id label count }
  outlets: attribution(groupBy: REPORTED_BY, filter: $filter) { id label count }
  kinds: attribution(groupBy: KIND, filter: $filter) { id label count }
  topics: attribution(groupBy: ABOUT, filter: $filter) { id label count }
}`;

export const SERIES = `query ExplorerSeries($filter: StatementFilter, $groupBy: AttributionDimension!, $interval: Interval!, $top: Int) {
  attributionSeries(filter: $filter, groupBy: $groupBy, interval: $interval, top: $top) { id label total points { start count share } }
}`;

export const NETWORK = `query ExplorerNetwork($filter: StatementFilter, $by: [NetworkDimension!], $minWeight: Int, $first: Int) {
  network(filter: $filter, by: $by, minWeight: $minWeight, first: $first) {
    statementCount edgeCount truncated
    nodes { id name type degree weightedDegree }
    edges { source target relation weight evidence }
  }
}`;

export const NETWORK_RANKING = `query ExplorerNetworkRanking($filter: StatementFilter, $by: [NetworkDimension!], $minWeight: Int) {
  networkRanking(filter: $filter, by: $by, minWeight: $minWeight) { speakers { id pageRank } topics { id pageRank } }
}`;

/** One statement an edge of the network stands on. */
export const EVIDENCE_STATEMENT = `query ExplorerEvidenceStatement($id: ID!) {
  statement(id: $id) { ...S }
}
${STATEMENT_SUMMARY}`;

/**
 * Whether the graph holds the synthetic demo month (`npm run seed -- --demo`): its outlets are
 * named "… (synthetic)", which the name search finds.
 */
export const SYNTHETIC_OUTLETS = `query ExplorerSyntheticOutlets {
  search(text: "synthetic", first: 10) { node { __typename id ... on Organization { name } } }
}`;

/** Statements the filter selects as they are created, corrected or retracted (live.ts). */
export const STATEMENT_CHANGES = `subscription ExplorerStatementChanges($filter: StatementFilter) {
  statementChanges(filter: $filter) { sequence change statement { id } }
}`;

/** What the pickers offer: every policy and article, the people and organizations. */
export const CATALOGUE = `query ExplorerCatalogue {
  policies(first: 100) { edges { node { ${REF} } } }
  articles(first: 100) { edges { node { __typename id title publishedAt } } }
  people(first: 100) { edges { node { ${REF} } } }
  organizations(first: 100) { edges { node { ${REF} } } }
  places(first: 100) { edges { node { ${REF} } } }
  events(first: 100) { edges { node { ${REF} } } }
}`;

export interface Catalogue {
  policies: { edges: { node: EntityRef }[] };
  articles: { edges: { node: ArticleRef }[] };
  people: { edges: { node: EntityRef }[] };
  organizations: { edges: { node: EntityRef }[] };
  places: { edges: { node: EntityRef }[] };
  events: { edges: { node: EntityRef }[] };
}

/** The catalogue changes only when an article is ingested: one fetch per page load. */
let catalogue: Promise<Catalogue> | undefined;
export function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= query<Catalogue>(CATALOGUE).catch((error: unknown) => {
    catalogue = undefined;
    throw error;
  });
  return catalogue;
}

export function allEntities(c: Catalogue): EntityRef[] {
  return [c.people, c.organizations, c.places, c.policies, c.events].flatMap((list) => list.edges.map((e) => e.node));
}
