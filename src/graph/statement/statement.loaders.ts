import DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import type { EntityRecord } from '../entity/entity.type';
import { idLoader } from '../loader';
import { ANCHORS, type Anchor } from './statement.cypher';
import * as repo from './statement.repository';
import type { Evidence, StatementRecord } from './statement.type';

export interface StatementLoaders {
  readonly statement: DataLoader<string, StatementRecord | null>;
  readonly speaker: DataLoader<string, EntityRecord | null>;
  readonly about: DataLoader<string, EntityRecord[]>;
  readonly reportedBy: DataLoader<string, EntityRecord[]>;
  readonly evidence: DataLoader<string, Evidence[]>;
  readonly quotesInside: DataLoader<string, StatementRecord[]>;
  /** A page of statements per anchor node (who said them, what they are about, ...). */
  readonly pages: Readonly<Record<Anchor, DataLoader<repo.AnchoredPageKey, StatementRecord[], string>>>;
  readonly counts: Readonly<Record<Anchor, DataLoader<string, number>>>;
}

export function createStatementLoaders(db: Db): StatementLoaders {
  const anchors = Object.keys(ANCHORS) as Anchor[];
  return {
    statement: idLoader<StatementRecord | null>((ids) => repo.statementsById(db, ids), null),
    speaker: idLoader<EntityRecord | null>((ids) => repo.speakers(db, ids), null),
    about: idLoader((ids) => repo.about(db, ids), []),
    reportedBy: idLoader((ids) => repo.reportedBy(db, ids), []),
    evidence: idLoader((ids) => repo.evidence(db, ids), []),
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
