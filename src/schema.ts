/**
 * Builds the executable schema from the resolver classes. `printSchemaFile` renders the
 * committed artefact schema/schema.graphql; a test fails when the two drift.
 */
import 'reflect-metadata';
import { isAbstractType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { ArticleResolver } from './graph/article/article.resolver';
import {
  EntityResolver,
  EventResolver,
  OrganizationResolver,
  PersonResolver,
  PlaceResolver,
  PolicyResolver,
  RoleResolver,
} from './graph/entity/entity.resolver';
import { SpeakerRolesResolver } from './graph/entity/speaker-roles.resolver';
import { IdentifierResolver } from './graph/entity/identifier.resolver';
import { AnalyticsResolver } from './graph/analytics/analytics.resolver';
import { IngestArticleResolver } from './graph/mutation/ingest-article.resolver';
import { DuplicatesResolver, IngestDuplicatesResolver } from './graph/editorial/duplicates.resolver';
import { EditorialResolver } from './graph/editorial/editorial.resolver';
import { ArticleHistoryResolver, EntityHistoryResolver, StatementHistoryResolver } from './graph/editorial/history.resolver';
import { LiveResolver } from './graph/live/live.resolver';
import { NetworkResolver } from './graph/network/network.resolver';
import { NodeResolver } from './graph/node.resolver';
import { EvidenceResolver, StatementResolver } from './graph/statement/statement.resolver';
import { ExtractResolver } from './extract/extract.resolver';
import { callResolversDirectly } from './direct-resolvers';

export const RESOLVERS = [
  NodeResolver,
  EntityResolver,
  IdentifierResolver,
  PersonResolver,
  RoleResolver,
  OrganizationResolver,
  PlaceResolver,
  PolicyResolver,
  EventResolver,
  StatementResolver,
  SpeakerRolesResolver,
  EvidenceResolver,
  ArticleResolver,
  AnalyticsResolver,
  NetworkResolver,
  IngestArticleResolver,
  ExtractResolver,
  EditorialResolver,
  StatementHistoryResolver,
  ArticleHistoryResolver,
  EntityHistoryResolver,
  DuplicatesResolver,
  IngestDuplicatesResolver,
  LiveResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/**
 * type-graphql will not build a Subscription type without a publish/subscribe system, though
 * ours brings its own `subscribe` (src/graph/live reads changes from Neo4j, whoever wrote
 * them, where an in-process topic would miss every other writer): this one refuses to be used.
 */
const NO_TOPICS: NonNullable<BuildSchemaOptions['pubSub']> = {
  publish() {
    throw new Error('subscriptions read their changes from Neo4j (src/graph/live); nothing is published in process');
  },
  subscribe() {
    throw new Error('every subscription brings its own subscribe function (src/graph/live); there are no topics');
  },
};

/** The schema is built once per process: type-graphql's metadata is global. */
export function appSchema(): Promise<GraphQLSchema> {
  if (built === undefined) {
    readPlainFieldsPlainly();
    built = buildSchema({ resolvers: [...RESOLVERS], validate: false, pubSub: NO_TOPICS })
      .then(withTypenameResolution)
      .then((schema) => callResolversDirectly(schema, RESOLVERS));
  }
  return built;
}

/**
 * A field without a resolver of its own reads its property with graphql-js's default
 * resolver. type-graphql otherwise gives each such field a resolver that makes an object and
 * a closure on every call, to run middlewares this schema does not have: a list of a
 * thousand attribution buckets made thousands of them per request, for the garbage collector
 * to collect (docs/bench-findings.md, "a computed answer's CPU in Node"). graphql-js reads the
 * property named as the field, so a type that has, inherits or implements a field named apart
 * from its property (`@Field({ name })`) keeps type-graphql's resolvers. Set before the build,
 * which reads it.
 */
function readPlainFieldsPlainly(): void {
  const storage = getMetadataStorage();
  const renamed = new Set(storage.fields.filter((field) => field.schemaName !== field.name).map((field) => field.target));
  const hasRenamed = (target: unknown): boolean => {
    for (let t = target; typeof t === 'function'; t = Object.getPrototypeOf(t)) if (renamed.has(t)) return true;
    return false;
  };
  for (const type of storage.objectTypes) {
    if (!hasRenamed(type.target) && !(type.interfaceClasses ?? []).some(hasRenamed)) type.simpleResolvers ??= true;
  }
}

/**
 * Every record our queries return names its GraphQL type in `__typename`, and our
 * interfaces resolve types by it. type-graphql wraps each `resolveType` in an async
 * function, so each entity in a list (the speakers of a page) became a promise, and
 * graphql-js then completed the whole list through its promise path, a cost that showed in
 * the server's CPU on every page (measured in docs/bench-findings.md, finding 18). The same answer,
 * synchronously.
 */
function withTypenameResolution(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) if (isAbstractType(type)) type.resolveType = typenameOf;
  return schema;
}

const typenameOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && typeof (value as { __typename?: unknown }).__typename === 'string'
    ? (value as { __typename: string }).__typename
    : undefined;

export const SCHEMA_BANNER = `# This file is generated from the resolver classes by \`npm run schema:emit\`.
# Do not edit it by hand: test/unit/schema.test.ts fails when it drifts from the code.
`;

export function printSchemaFile(schema: GraphQLSchema): string {
  return `${SCHEMA_BANNER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
