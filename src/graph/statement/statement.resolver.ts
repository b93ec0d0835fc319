import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Article, type ArticleHeader, type ArticleRecord } from '../article/article.type';
import { ConnectionArgs, ConnectionArgsWithDefault, decodeCursor, pageSize, type Connection } from '../connection';
import { DateInfo, Entity, Organization, type EntityHeader } from '../entity/entity.type';
import { parseId } from '../ids';
import { fieldOrWhole, linked } from '../loader';
import { includesAny } from './statement.cypher';
import { checkStatementFilter, statementIncludes } from './statement.fetch';
import * as repo from './statement.repository';
import { AboutLink, Evidence, Statement, StatementConnection, StatementFilter, StatementOrder, type AboutLinkRecord, type StatementHeader, type StatementRecord } from './statement.type';

function speakerOf(statement: StatementHeader, speaker: EntityHeader | null): EntityHeader {
  if (speaker === null) throw new Error(`statement ${statement.id} has no speaker in the graph`);
  return speaker;
}

function firstEvidence(statement: StatementHeader, all: readonly Evidence[]): Evidence {
  const first = all[0];
  if (first === undefined) throw new Error(`statement ${statement.id} has no evidence in the graph`);
  return first;
}

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: 'The statement with this id; null when there is none.' })
  statement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<StatementHeader | null> {
    parseId(id, ['Statement']);
    const includes = statementIncludes(info, '');
    return includesAny(includes) ? ctx.loaders.statementWith.load({ id, includes }) : ctx.loaders.statement.load(id);
  }

  @Query(() => StatementConnection, { description: 'Statements the filter selects, in article order (oldest article first, then position in the article) or by date.' })
  async statements(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => ConnectionArgsWithDefault) { first, after }: ConnectionArgs,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter,
    @Arg('orderBy', () => StatementOrder, { nullable: true, defaultValue: StatementOrder.ARTICLE_ORDER }) orderBy?: StatementOrder | null,
  ): Promise<Connection<StatementHeader>> {
    const order = orderBy ?? StatementOrder.ARTICLE_ORDER;
    const size = pageSize(first);
    const position = decodeCursor(repo.statementCursor(order), after);
    const page = await repo.statementPage(ctx.db, checkStatementFilter(filter), size, position, statementIncludes(info, 'edges.node.'), order);
    ctx.loaders.prime(page.edges.map((edge) => edge.node));
    return page;
  }

  // The fields a StatementHeader lacks load the whole statement when reached: the lookahead
  // asks for them whenever they are selected, so this is for selections it cannot see.

  @FieldResolver()
  venue(@Root() statement: StatementHeader, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return fieldOrWhole(statement, 'venue', ctx.loaders.statement, 'statement');
  }

  @FieldResolver(() => DateInfo, { nullable: true })
  date(@Root() statement: StatementHeader, @Ctx() ctx: Context): DateInfo | null | Promise<DateInfo | null> {
    return fieldOrWhole(statement, 'date', ctx.loaders.statement, 'statement');
  }

  // The detail fields answer at once, without a promise, from what the statement's query
  // brought along (most listings); otherwise through their loaders, one trip per batch.

  @FieldResolver(() => Entity, { description: 'Who said it.' })
  speaker(@Root() statement: StatementHeader, @Ctx() ctx: Context): EntityHeader | Promise<EntityHeader> {
    const brought = statement.details?.speaker;
    return brought === undefined ? ctx.loaders.speaker.load(statement.id).then((s) => speakerOf(statement, s)) : speakerOf(statement, brought);
  }

  @FieldResolver(() => [Entity], { description: 'The policies, events, people and places it concerns.' })
  about(@Root() statement: StatementHeader, @Ctx() ctx: Context): EntityHeader[] | Promise<EntityHeader[]> {
    return statement.details?.about ?? ctx.loaders.about.load(statement.id);
  }

  @FieldResolver(() => [AboutLink], { description: 'What it is about, as `about`, each with the stance the statement takes on it.' })
  aboutLinks(@Root() statement: StatementHeader, @Ctx() ctx: Context): Promise<AboutLinkRecord[]> {
    return ctx.loaders.aboutLinks.load(statement.id);
  }

  @FieldResolver(() => [Organization], {
    description: 'Outlets the article credits ("according to the FT", "CNN reported"), nearest to the article first.',
  })
  reportedBy(@Root() statement: StatementHeader, @Ctx() ctx: Context): EntityHeader[] | Promise<EntityHeader[]> {
    return statement.details?.reportedBy ?? ctx.loaders.reportedBy.load(statement.id);
  }

  @FieldResolver(() => Statement, { nullable: true, description: 'The statement this one is quoted inside (Ratcliffe quoting Trump).' })
  async quotedIn(@Root() statement: StatementHeader, @Ctx() ctx: Context): Promise<StatementRecord | null> {
    const quotedInId = await fieldOrWhole(statement, 'quotedInId', ctx.loaders.statement, 'statement');
    return quotedInId === null ? null : ctx.loaders.statement.load(quotedInId);
  }

  @FieldResolver(() => [Statement], { description: 'Statements quoted inside this one.' })
  quotes(@Root() statement: StatementHeader, @Ctx() ctx: Context): Promise<StatementRecord[]> {
    return ctx.loaders.quotesInside.load(statement.id);
  }

  @FieldResolver(() => Evidence, { description: 'Where the statement first appeared: the exact span of its article.' })
  evidence(@Root() statement: StatementHeader, @Ctx() ctx: Context): Evidence | Promise<Evidence> {
    const brought = statement.details?.evidence ?? statement.details?.firstEvidence;
    return brought === undefined ? ctx.loaders.evidence.load(statement.id).then((all) => firstEvidence(statement, all)) : firstEvidence(statement, brought);
  }

  @FieldResolver(() => [Evidence], { description: 'Every article span it appears in, oldest article first.' })
  evidences(@Root() statement: StatementHeader, @Ctx() ctx: Context): Evidence[] | Promise<Evidence[]> {
    return statement.details?.evidence ?? ctx.loaders.evidence.load(statement.id);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Article)
  // Readonly<Evidence>, not the class: type-graphql would copy a root typed as a class into a new instance on every call (src/direct-resolvers.ts).
  article(@Root() evidence: Readonly<Evidence>, @Ctx() ctx: Context): ArticleRecord | ArticleHeader | Promise<ArticleRecord> {
    return evidence.article ?? linked(ctx.loaders.article, 'article', evidence.articleId);
  }

  // The sentence comes along whenever the lookahead sees it selected (StatementIncludes.sentences);
  // these are for a selection it cannot see, which costs a trip, never an answer.

  @FieldResolver()
  sentence(@Root() evidence: Readonly<Evidence>, @Ctx() ctx: Context): string | Promise<string> {
    return evidence.sentence ?? wholeEvidence(evidence, ctx).then((whole) => whole.sentence as string);
  }

  @FieldResolver()
  sentenceStart(@Root() evidence: Readonly<Evidence>, @Ctx() ctx: Context): number | Promise<number> {
    return evidence.sentenceStart ?? wholeEvidence(evidence, ctx).then((whole) => whole.sentenceStart as number);
  }
}

/** The same span, with its sentence, from the statement's whole evidence (one trip per batch, through the evidence loader). */
async function wholeEvidence(evidence: Readonly<Evidence>, ctx: Context): Promise<Evidence> {
  const { statementId, articleId, start, end } = evidence;
  if (statementId === undefined) throw new Error(`evidence in ${articleId} came without its sentence or its statement`);
  const all = await ctx.loaders.evidence.load(statementId);
  const whole = all.find((e) => e.articleId === articleId && e.start === start && e.end === end);
  if (whole === undefined) throw new Error(`statement ${statementId} no longer appears in ${articleId} at ${start}-${end}`);
  return whole;
}
