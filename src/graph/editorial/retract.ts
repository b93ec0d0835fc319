/**
 * retractArticle and restoreArticle, each in one write transaction. A retraction takes the
 * article, and every statement it was the last live evidence of, out of the live graph
 * (editorial.cypher.ts); both stay readable by id with why and when. A restoration undoes it.
 */
import { cypher } from '../../db/cypher';
import type { Deadline, Neo4jGateway, RoundTrips } from '../../db/gateway';
import { badInput } from '../../errors';
import { parseId } from '../ids';
import { stampArticleStatements } from '../live/live.repository';
import * as Q from './editorial.cypher';
import { editTime, recordEdit } from './edit.repository';
import type { Edit } from './edit.type';

export interface ArticleEdit {
  readonly article: string;
  /** The statements retracted or restored with the article. */
  readonly statements: string[];
  readonly edit: Edit;
}

type Direction = 'retractArticle' | 'restoreArticle';

export function retractArticle(gateway: Neo4jGateway, args: { id: string; reason: string; who: string }, trips?: RoundTrips, deadline?: Deadline): Promise<ArticleEdit> {
  return changeArticle(gateway, 'retractArticle', args, trips, deadline);
}

export function restoreArticle(gateway: Neo4jGateway, args: { id: string; reason: string; who: string }, trips?: RoundTrips, deadline?: Deadline): Promise<ArticleEdit> {
  return changeArticle(gateway, 'restoreArticle', args, trips, deadline);
}

async function changeArticle(
  gateway: Neo4jGateway,
  action: Direction,
  args: { id: string; reason: string; who: string },
  trips?: RoundTrips,
  deadline?: Deadline,
): Promise<ArticleEdit> {
  parseId(args.id, ['Article']);
  const retracting = action === 'retractArticle';
  return gateway.write(async (tx) => {
    const [state] = await tx.run(cypher(Q.ARTICLE_STATE, { id: args.id }));
    if (state === undefined) throw badInput(`id must be the id of an article; no article has the id ${args.id}`, { argument: 'id' });
    if (state.retracted === retracting) {
      throw badInput(retracting ? `${args.id} is already retracted; restoreArticle undoes a retraction` : `${args.id} is not retracted; only a retracted article can be restored`, { argument: 'id' });
    }
    const at = editTime();
    const [row] = await tx.run(cypher(retracting ? Q.RETRACT_ARTICLE : Q.RESTORE_ARTICLE, { id: args.id, at, reason: args.reason }));
    const statements = [...((row?.statements as string[] | undefined) ?? [])].sort();
    const edit = await recordEdit(
      tx,
      {
        who: args.who,
        action,
        arguments: { id: args.id },
        changes: [
          { field: 'retracted', from: [String(!retracting)], to: [String(retracting)] },
          ...(statements.length > 0 ? [{ field: retracting ? 'statementsRetracted' : 'statementsRestored', from: [], to: statements }] : []),
        ],
        reason: args.reason,
        targets: { articles: [args.id], statements },
      },
      at,
    );
    await stampArticleStatements(tx, args.id);
    return { article: args.id, statements, edit };
  }, trips, deadline);
}
