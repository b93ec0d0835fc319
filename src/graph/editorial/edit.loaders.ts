import DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import { idLoader, madeOnUse, makersByName, type Makers } from '../loader';
import { TARGET_LABELS, type TargetKind } from './edit.cypher';
import * as repo from './edit.repository';
import type { Edit } from './edit.type';

export interface EditLoaders {
  /** A page of edits per node of each kind: a list of statements asks for all their histories in one trip. */
  readonly historyPages: Readonly<Record<TargetKind, DataLoader<repo.HistoryPageKey, Edit[], string>>>;
  readonly historyCounts: Readonly<Record<TargetKind, DataLoader<string, number>>>;
}

const KINDS = Object.keys(TARGET_LABELS) as TargetKind[];

const pageKey = (key: repo.HistoryPageKey): string => JSON.stringify([key.id, key.limit, key.after]);

/** A request's history loaders, each made when first used (context.ts). */
export const EDIT_LOADERS: Makers<EditLoaders, Db> = {
  historyPages: madeOnUse(
    makersByName(KINDS, (kind, db: Db) => new DataLoader<repo.HistoryPageKey, Edit[], string>((keys) => repo.historyPages(db, kind, keys), { cacheKeyFn: pageKey, maxBatchSize: 1000 })),
  ),
  historyCounts: madeOnUse(makersByName(KINDS, (kind, db: Db) => idLoader((ids) => repo.historyCounts(db, kind, ids), 0))),
};
