/**
 * `Statement.speakerRoles`: the roles the speaker held when the statement was made — what a
 * researcher cites ("then National Security Adviser"). The day is the statement's own date,
 * else the publication date of the first article that reports it; everything comes through
 * the request's loaders, so a page of statements costs one trip per kind of data.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Statement, type StatementHeader } from '../statement/statement.type';
import { Role } from './entity.type';
import { heldOn } from './role-time';

async function speakerOf(statement: StatementHeader, ctx: Context) {
  return statement.details?.speaker ?? (await ctx.loaders.speaker.load(statement.id));
}

/** The statement's day: its own date, else its first article's publication day; null when neither is known. */
async function dayOf(statement: StatementHeader, ctx: Context): Promise<string | null> {
  const date = statement.date !== undefined ? statement.date : (await ctx.loaders.statement.load(statement.id))?.date ?? null;
  if (date?.date) return date.date;
  const [first] = statement.details?.evidence ?? statement.details?.firstEvidence ?? (await ctx.loaders.evidence.load(statement.id));
  if (first === undefined) return null;
  const article = first.article ?? (await ctx.loaders.article.load(first.articleId));
  return article?.publishedAt?.slice(0, 10) ?? null;
}

@Resolver(() => Statement)
export class SpeakerRolesResolver {
  @FieldResolver(() => [Role], {
    description:
      "The roles its speaker held on the statement's date (else the day its first article was published), as far as their start and end dates say; every role when neither day is known; [] for a speaker who is not a person.",
  })
  async speakerRoles(@Root() statement: StatementHeader, @Ctx() ctx: Context): Promise<readonly Role[]> {
    const [speaker, day] = await Promise.all([speakerOf(statement, ctx), dayOf(statement, ctx)]);
    if (speaker === null || speaker.__typename !== 'Person') return [];
    const roles = speaker.roles ?? (await ctx.loaders.roles.load(speaker.id));
    return day === null ? roles : roles.filter((role) => heldOn(role, day));
  }
}
