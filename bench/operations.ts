/**
 * The questions the benchmark asks, each in three forms: a GraphQL operation for our API,
 * the equivalent operation for the @neo4j/graphql peer (bench/peer.typedefs.graphql), and a
 * request to the raw-Cypher floor (bench/floor.ts). `answer` pulls out of each response the
 * part that must agree across the three (ids, counts), so the bench can check that the
 * servers really answered the same question before it times them.
 */
import type { Probes } from '../src/corpus/corpus';

export const SERVERS = ['ours', 'peer', 'floor'] as const;
export type Server = (typeof SERVERS)[number];

export type RequestBody = Readonly<Record<string, unknown>>;

export interface OperationInput {
  readonly probes: Probes;
  /** Page size where the operation pages. */
  readonly first: number;
  /** Each server's own cursor for the page the operation starts after (page 100 for `page100`). */
  readonly after: Readonly<Record<Server, string | null>>;
  /** Rows before that page. */
  readonly offset: number;
  /**
   * The peer's connection could not be walked to the page (see bench.ts), so the peer is
   * asked for the page the way its users then do: the list field with limit and offset.
   */
  readonly peerByOffset: boolean;
  /** The dates a windowed page (k) asks for, inclusive; WINDOW when not drawn. */
  readonly window?: { readonly since: string; readonly until: string };
}

export interface Operation {
  readonly key: string;
  readonly name: string;
  readonly question: string;
  /** Found through an id or cursor in an index: its latency should not depend on the graph's size. */
  readonly indexedLookup: boolean;
  /** Page size used in the timed runs; null when the operation does not page. */
  readonly first: number | null;
  /** The servers that can ask the question; every server when absent. */
  readonly servers?: readonly Server[];
  body(server: Server, input: OperationInput): RequestBody;
  answer(server: Server, response: unknown): unknown;
}

/** A value at a path in parsed JSON, or undefined where the path leads nowhere. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const ids = (items: unknown, ...path: (string | number)[]): unknown[] => list(items).map((item) => at(item, ...path));
/**
 * Ids as a sorted set. For `about` and `reportedBy`: a quote repeated in several articles
 * collects the links of each, and their ordinals (positions within one article) then tie,
 * so the order among them is each server's own.
 */
const idSet = (items: unknown, ...path: (string | number)[]): string[] => ids(items, ...path).map(String).sort();

const graphql = (query: string, variables: Record<string, unknown>): RequestBody => ({ query, variables });
const floor = (op: string, params: Record<string, unknown>): RequestBody => ({ op, params });

// ---------------------------------------------------------------------------------------------
// (a) statements about a policy, with speaker, roles and reporting outlets

const OURS_POLICY_STATEMENTS = `query PolicyStatements($policy: ID!, $first: Int!, $after: String) {
  statements(filter: { about: $policy }, first: $first, after: $after) {
    edges {
      cursor
      node {
        id text kind venue
        speaker { id name ... on Person { roles { title former organization { name } place { name } } } }
        reportedBy { id name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PEER_POLICY_STATEMENTS = `query PolicyStatements($policy: ID!, $first: Int!, $after: String) {
  policies(where: { id: { eq: $policy } }) {
    mentionedInConnection(first: $first, after: $after, sort: [{ node: { sortKey: ASC } }, { node: { id: ASC } }]) {
      edges {
        cursor
        node {
          id text kind venue
          speaker {
            ... on Person { id name rolesConnection { edges { properties { title former } node { ... on Organization { name } ... on Place { name } } } } }
            ... on Organization { id name }
            ... on Place { id name }
          }
          reportedByConnection(sort: [{ edge: { ordinal: ASC } }]) { edges { node { id name } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

// ---------------------------------------------------------------------------------------------
// (b) a person, their roles, their statements and what each was about

const OURS_PERSON = `query PersonStatements($person: ID!, $first: Int!) {
  person(id: $person) {
    id name
    roles { title former organization { name } place { name } }
    statements(first: $first) {
      edges { node { id text kind about { id name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const PEER_PERSON = `query PersonStatements($person: ID!, $first: Int!) {
  people(where: { id: { eq: $person } }) {
    id name
    rolesConnection { edges { properties { title former } node { ... on Organization { name } ... on Place { name } } } }
    statementsConnection(first: $first, sort: [{ node: { sortKey: ASC } }, { node: { id: ASC } }]) {
      edges {
        node {
          id text kind
          aboutConnection(sort: [{ edge: { ordinal: ASC } }]) {
            edges {
              node {
                ... on Person { id name }
                ... on Organization { id name }
                ... on Place { id name }
                ... on Policy { id name }
                ... on Event { id name }
              }
            }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

// ---------------------------------------------------------------------------------------------
// (c) attribution: statements about a policy, counted by speaker

const OURS_ATTRIBUTION = `query Attribution($policy: ID!) {
  attribution(groupBy: SPEAKER, filter: { about: $policy }) { id label count }
}`;

const PEER_ATTRIBUTION = `query Attribution($policy: ID!) {
  attributionBySpeaker(about: $policy) { id label count }
}`;

// ---------------------------------------------------------------------------------------------
// (d) full-text search

const OURS_SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) {
    score snippet
    node { __typename id ... on Entity { name } ... on Statement { text } ... on Article { title } }
  }
}`;

const PEER_SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) { score id type name text }
}`;

// ---------------------------------------------------------------------------------------------
// (e) paths of up to 4 hops between two entities

const OURS_PATHS = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4, first: 3) { length nodes { __typename id } steps { from to relation } }
}`;

const PEER_PATHS = `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, first: 3) { length nodes steps { from to relation } }
}`;

// ---------------------------------------------------------------------------------------------
// (f) a page deep into a long connection: every statement, in article order

const OURS_PAGE = `query StatementPage($first: Int!, $after: String) {
  statements(first: $first, after: $after) {
    edges { cursor node { id text kind speaker { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PEER_PAGE = `query StatementPage($first: Int!, $after: String) {
  statementsConnection(first: $first, after: $after, sort: [{ sortKey: ASC }, { id: ASC }]) {
    edges {
      cursor
      node { id text kind speaker { ... on Person { id name } ... on Organization { id name } ... on Place { id name } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PEER_PAGE_BY_OFFSET = `query StatementPageByOffset($first: Int!, $offset: Int!) {
  statements(limit: $first, offset: $offset, sort: [{ sortKey: ASC }, { id: ASC }]) {
    id text kind speaker { ... on Person { id name } ... on Organization { id name } ... on Place { id name } }
  }
}`;

// ---------------------------------------------------------------------------------------------
// (g) one statement by id, with its speaker and where it appeared

const OURS_STATEMENT = `query StatementById($id: ID!) {
  statement(id: $id) { id text kind speaker { id name } evidence { start end article { id title } } }
}`;

const PEER_STATEMENT = `query StatementById($id: ID!) {
  statements(where: { id: { eq: $id } }) {
    id text kind
    speaker { ... on Person { id name } ... on Organization { id name } ... on Place { id name } }
    evidenceConnection(first: 1, sort: [{ node: { publishedAt: ASC } }, { node: { id: ASC } }]) { edges { properties { start end } node { id title } } }
  }
}`;

// ---------------------------------------------------------------------------------------------
// (h) the network of the most discussed policy, and (i) its rankings and communities.
// The peer cannot ask either: @neo4j/graphql reads nodes and their relationships, and has no
// way to fold statements into weighted speaker–topic, speaker–outlet and speaker–speaker
// edges short of a hand-written @cypher field (which would be our query under its name),
// nor any PageRank or community detection.

const OURS_NETWORK = `query Network($policy: ID!, $first: Int!) {
  network(filter: { about: $policy }, first: $first) { edgeCount truncated edges { source target relation weight } }
}`;

const OURS_RANKING = `query Ranking($policy: ID!) {
  networkRanking(filter: { about: $policy }) { nodeCount edgeCount speakers { id pageRank } topics { id pageRank } communities { id members } }
}`;

const peerCannot = (what: string): never => {
  throw new Error(`the peer (@neo4j/graphql) cannot express ${what}; run with --servers ours,floor`);
};

/** The ranked ids, and PageRank to 9 places: the floor computes with the same library. */
const ranked = (items: unknown): unknown[] => list(items).map((r) => [at(r, 'id'), Math.round(Number(at(r, 'pageRank')) * 1e9)]);
// (j) attention over time: a weekly series of a policy (drawn by popularity), top 10 speakers
//
// The peer's generated API has no grouping (its aggregations give one count, min or max per
// field), so it cannot ask this; only a hand-written @cypher field could, which would be the
// floor's query run through another server. It is left out of the peer's runs.

const OURS_SERIES = `query WeeklySeries($policy: ID!) {
  attributionSeries(groupBy: SPEAKER, interval: WEEK, top: 10, filter: { about: $policy }) { id label total points { start count share } }
}`;

// ---------------------------------------------------------------------------------------------
// (k) a date-windowed page: the newest 20 statements of one month (drawn by how many statements it holds)

/** June of the corpus's first year: its articles run from START (2023-01-02) over a year or more. */
export const WINDOW = { since: '2023-06-01', until: '2023-06-30' } as const;

const OURS_WINDOW = `query WindowPage($since: String!, $until: String!, $first: Int!) {
  statements(filter: { since: $since, until: $until }, orderBy: NEWEST_FIRST, first: $first) {
    edges { cursor node { id text kind speaker { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The window as dayKey bounds (the day, then `|` and the sortKey; `~` sorts after both). */
const PEER_WINDOW = `query WindowPage($since: String!, $untilKey: String!, $first: Int!) {
  statementsConnection(first: $first, where: { dayKey: { gte: $since, lt: $untilKey } }, sort: [{ dayKey: DESC }]) {
    edges { cursor node { id text kind speaker { ... on Person { id name } ... on Organization { id name } ... on Place { id name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The answer every server must agree on: each series' label, total and counts, in order. */
const seriesAnswer = (response: unknown): unknown[] =>
  list(at(response, 'data', 'attributionSeries')).map((series) => [at(series, 'id'), at(series, 'total'), ids(at(series, 'points'), 'count').join(',')]);

/** Where each server's page of statements sits in its response. */
export function statementPage(server: Server, response: unknown): { edges: unknown[]; endCursor: string | null; hasNextPage: boolean } {
  const connection = server === 'peer' ? at(response, 'data', 'statementsConnection') : at(response, 'data', 'statements');
  return {
    edges: list(at(connection, 'edges')),
    endCursor: (at(connection, 'pageInfo', 'endCursor') as string | null | undefined) ?? null,
    hasNextPage: at(connection, 'pageInfo', 'hasNextPage') === true,
  };
}

const ARCHIVE_OPERATIONS: readonly Operation[] = [
  {
    key: 'a',
    name: 'policy statements',
    question: 'statements about a policy (drawn by how much is said about it), 50 a page, with speaker, roles and reporting outlets',
    indexedLookup: false,
    first: 50,
    body: (server, { probes, first }) =>
      server === 'ours'
        ? graphql(OURS_POLICY_STATEMENTS, { policy: probes.topPolicy, first })
        : server === 'peer'
          ? graphql(PEER_POLICY_STATEMENTS, { policy: probes.topPolicy, first })
          : floor('policyStatements', { policy: probes.topPolicy, first }),
    answer: (server, response) =>
      server === 'peer'
        ? list(at(response, 'data', 'policies', 0, 'mentionedInConnection', 'edges')).map((e) => [at(e, 'node', 'id'), at(e, 'node', 'speaker', 0, 'id'), idSet(at(e, 'node', 'reportedByConnection', 'edges'), 'node', 'id')])
        : list(at(response, 'data', 'statements', 'edges')).map((e) => [at(e, 'node', 'id'), at(e, 'node', 'speaker', 'id'), idSet(at(e, 'node', 'reportedBy'), 'id')]),
  },
  {
    key: 'b',
    name: 'person and statements',
    question: 'a person (drawn by how often quoted), their roles, and their first 10 statements with what each was about',
    indexedLookup: false,
    first: 10,
    body: (server, { probes, first }) =>
      server === 'ours'
        ? graphql(OURS_PERSON, { person: probes.topSpeaker, first })
        : server === 'peer'
          ? graphql(PEER_PERSON, { person: probes.topSpeaker, first })
          : floor('person', { person: probes.topSpeaker, first }),
    answer: (server, response) =>
      server === 'peer'
        ? list(at(response, 'data', 'people', 0, 'statementsConnection', 'edges')).map((e) => [at(e, 'node', 'id'), idSet(at(e, 'node', 'aboutConnection', 'edges'), 'node', 'id')])
        : list(at(response, 'data', 'person', 'statements', 'edges')).map((e) => [at(e, 'node', 'id'), idSet(at(e, 'node', 'about'), 'id')]),
  },
  {
    key: 'c',
    name: 'attribution by speaker',
    question: 'how many statements about a policy (drawn by how much is said about it) each speaker made; never repeated: about any entity',
    indexedLookup: false,
    first: null,
    body: (server, { probes }) =>
      server === 'ours'
        ? graphql(OURS_ATTRIBUTION, { policy: probes.topPolicy })
        : server === 'peer'
          ? graphql(PEER_ATTRIBUTION, { policy: probes.topPolicy })
          : floor('attribution', { policy: probes.topPolicy }),
    answer: (server, response) =>
      list(at(response, 'data', server === 'peer' ? 'attributionBySpeaker' : 'attribution')).map((b) => `${String(at(b, 'id'))}:${String(at(b, 'count'))}`),
  },
  {
    key: 'd',
    name: 'search',
    question: 'full-text search for a name (drawn by how often the graph mentions it), 10 hits; never repeated: two words of the names',
    indexedLookup: false,
    first: null,
    body: (server, { probes }) =>
      server === 'ours'
        ? graphql(OURS_SEARCH, { text: probes.searchText })
        : server === 'peer'
          ? graphql(PEER_SEARCH, { text: probes.searchText })
          : floor('search', { text: probes.searchText }),
    answer: (server, response) => ids(at(response, 'data', 'search'), ...(server === 'ours' ? ['node', 'id'] : ['id'])),
  },
  {
    key: 'e',
    name: 'paths (≤4 hops)',
    question: 'the 3 shortest connections of at most 4 hops between a person (drawn by how often quoted) and a place (by its links)',
    indexedLookup: false,
    first: null,
    body: (server, { probes }) =>
      server === 'ours'
        ? graphql(OURS_PATHS, { from: probes.pathFrom, to: probes.pathTo })
        : server === 'peer'
          ? graphql(PEER_PATHS, { from: probes.pathFrom, to: probes.pathTo })
          : floor('paths', { from: probes.pathFrom, to: probes.pathTo }),
    answer: (server, response) =>
      list(at(response, 'data', 'paths')).map((p) => (server === 'ours' ? ids(at(p, 'nodes'), 'id') : list(at(p, 'nodes'))).join(' > ')),
  },
  {
    key: 'f',
    name: 'page 100',
    question: 'a page (20 a page) of every statement in article order, drawn from pages 2 to 200, from the cursor of the page before',
    indexedLookup: true,
    first: 20,
    body: (server, { first, after, offset, peerByOffset }) =>
      server === 'ours'
        ? graphql(OURS_PAGE, { first, after: after.ours })
        : server === 'peer'
          ? peerByOffset
            ? graphql(PEER_PAGE_BY_OFFSET, { first, offset })
            : graphql(PEER_PAGE, { first, after: after.peer })
          : floor('page', { first, after: after.floor }),
    answer: (server, response) => {
      const byOffset = at(response, 'data', 'statements');
      return server === 'peer' && Array.isArray(byOffset) ? ids(byOffset, 'id') : ids(statementPage(server, response).edges, 'node', 'id');
    },
  },
  {
    key: 'g',
    name: 'statement by id',
    question: 'one statement by id (drawn by how many articles it appears in), with its speaker and the span and article it first appeared in',
    indexedLookup: true,
    first: null,
    body: (server, { probes }) =>
      server === 'ours'
        ? graphql(OURS_STATEMENT, { id: probes.statement })
        : server === 'peer'
          ? graphql(PEER_STATEMENT, { id: probes.statement })
          : floor('statement', { id: probes.statement }),
    answer: (server, response) =>
      server === 'peer'
        ? [at(response, 'data', 'statements', 0, 'id'), at(response, 'data', 'statements', 0, 'speaker', 0, 'id'), at(response, 'data', 'statements', 0, 'evidenceConnection', 'edges', 0, 'node', 'id')]
        : [at(response, 'data', 'statement', 'id'), at(response, 'data', 'statement', 'speaker', 'id'), at(response, 'data', 'statement', 'evidence', 'article', 'id')],
  },
  {
    key: 'h',
    name: 'network',
    question: 'the network (ABOUT, REPORTED_BY, CO_QUOTED) of every statement about the most discussed policy, its 100 heaviest edges',
    indexedLookup: false,
    first: null,
    body: (server, { probes }) =>
      server === 'ours'
        ? graphql(OURS_NETWORK, { policy: probes.topPolicy, first: 100 })
        : server === 'peer'
          ? peerCannot('a weighted network')
          : floor('network', { about: probes.topPolicy, first: 100 }),
    answer: (_server, response) => [
      at(response, 'data', 'network', 'edgeCount'),
      list(at(response, 'data', 'network', 'edges')).map((e) => [at(e, 'source'), at(e, 'target'), at(e, 'relation'), at(e, 'weight')]),
    ],
  },
  {
    key: 'i',
    name: 'network ranking',
    question: 'PageRank of the speakers and topics, and the communities, of the network of the most discussed policy',
    indexedLookup: false,
    first: null,
    body: (server, { probes }) =>
      server === 'ours'
        ? graphql(OURS_RANKING, { policy: probes.topPolicy })
        : server === 'peer'
          ? peerCannot('PageRank or communities')
          : floor('ranking', { about: probes.topPolicy }),
    answer: (_server, response) => {
      const r = at(response, 'data', 'networkRanking');
      return [at(r, 'nodeCount'), ranked(at(r, 'speakers')), ranked(at(r, 'topics')), list(at(r, 'communities')).map((c) => at(c, 'members'))];
    },
  },
];

/** Attention over time (issue 22); BENCHMARKS.md times them with ANSWER_CACHE_SIZE=0, so that (j) is computed each time. */
const TIME_OPERATIONS: readonly Operation[] = [
  {
    key: 'j',
    name: 'weekly series',
    question: 'statements about a policy (drawn by how much is said about it) per ISO week over the whole corpus, for the top 10 speakers and "other", with shares',
    indexedLookup: false,
    first: null,
    servers: ['ours', 'floor'],
    body: (server, { probes }) =>
      server === 'floor' ? floor('weeklySeries', { policy: probes.topPolicy }) : graphql(OURS_SERIES, { policy: probes.topPolicy }),
    answer: (_server, response) => seriesAnswer(response),
  },
  {
    key: 'k',
    name: 'window page',
    question: `the newest 20 statements dated in one month (their own date, else their article's), the month drawn by how many statements it holds`,
    indexedLookup: true,
    first: 20,
    body: (server, { first, window = WINDOW }) =>
      server === 'ours'
        ? graphql(OURS_WINDOW, { since: window.since, until: window.until, first })
        : server === 'peer'
          ? graphql(PEER_WINDOW, { since: window.since, untilKey: `${window.until}~`, first })
          : floor('windowPage', { since: window.since, untilKey: `${window.until}~`, first }),
    answer: (server, response) => ids(statementPage(server, response).edges, 'node', 'id'),
  },
];

export const OPERATIONS: readonly Operation[] = [...ARCHIVE_OPERATIONS, ...TIME_OPERATIONS];

/** The seven questions every server can ask, (a) to (g): what `npm run bench` times unless told otherwise, and BENCHMARKS.md's headline. */
export const HEADLINE_OPERATIONS: readonly Operation[] = ARCHIVE_OPERATIONS.slice(0, 7);
