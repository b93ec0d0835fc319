import DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import type { EntityRecord } from '../entity/entity.type';
import { primeEntities } from '../entity/entity.loaders';
import { idLoader } from '../loader';
import { ANCHORS, type Anchor } from './statement.cypher';
import * as repo from './statement.repository';
import type { StatementRecord } from './statement.type';

export interface StatementLoaders {
  readonly statement: DataLoader<string, StatementRecord | null>;
  /** Speaker, topics, outlets and evidence of statements: one trip per batch for all four. */
  readonly details: DataLoader<string, repo.StatementDetails>;
  readonly quotesInside: DataLoader<string, StatementRecord[]>;
  /** A page of statements per anchor node (who said them, what they are about, ...). */
  readonly pages: Readonly<Record<Anchor, DataLoader<repo.AnchoredPageKey, StatementRecord[], string>>>;
  readonly counts: Readonly<Record<Anchor, DataLoader<string, number>>>;
}

const NO_DETAILS: repo.StatementDetails = { speaker: null, about: [], reportedBy: [], evidence: [] };

/** `entity` is the request's entity loader: entities that come with details prime it. */
export function createStatementLoaders(db: Db, entity: DataLoader<string, EntityRecord | null>): StatementLoaders {
  const anchors = Object.keys(ANCHORS) as Anchor[];
  return {
    statement: idLoader<StatementRecord | null>((ids) => repo.statementsById(db, ids), null),
    details: idLoader(async (ids) => {
      const found = await repo.details(db, ids);
      for (const d of found.values()) primeEntities(entity, [d.speaker, ...d.about, ...d.reportedBy]);
      return found;
    }, NO_DETAILS),
    quotesInside: idLoader((ids) => repo.quotesInside(db, ids), []),
    pages: Object.fromEntries(
      anchors.map((anchor) => [
        anchor,
        new DataLoader<repo.AnchoredPageKey, StatementRecord[], string>((keys) => repo.pagesByAnchor(db, anchor, keys), {
          cacheKeyFn: (key) => JSON.stringify([key.id, key.limit, key.after]),
        }),
      ]),
    ) as Record<Anchor, DataLoader<repo.AnchoredPageKey, StatementRecord[], string>>,
    counts: Object.fromEntries(anchors.map((anchor) => [anchor, idLoader((ids) => repo.countsByAnchor(db, anchor, ids), 0)])) as Record<
      Anchor,
      DataLoader<string, number>
    >,
  };
}
