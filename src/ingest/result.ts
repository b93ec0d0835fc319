/**
 * What writing a document reports, and the error a batch that was not written throws.
 */
import type { GraphQLError } from 'graphql';
import { conflict, invalidDocument, type Problem } from '../errors';

export interface IngestResult {
  readonly article: string;
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  /** Entities of the document linked to an existing entity instead of created. */
  readonly merged: { readonly from: string; readonly into: string }[];
  /** Statements that were already in the graph from another article and gained evidence. */
  readonly evidenceAdded: string[];
  /** Statements this article no longer has (in id order): its evidence is gone, and so is the statement if no other article has it. */
  readonly removed: string[];
  readonly statements: number;
  readonly entities: number;
  /** The number of the revision the article's old text was kept as, when this document replaced it. */
  revision?: number;
}

/** A problem that is not the document's fault but the graph's: it holds its article id with another text. */
export interface ConflictProblem extends Problem {
  readonly code: 'CONFLICT';
}

export const isConflict = (problem: Problem): problem is ConflictProblem => (problem as Partial<ConflictProblem>).code === 'CONFLICT';

/** The error for rejected documents' problems: CONFLICT when every one is a conflict, else BAD_USER_INPUT. */
export function rejection(problems: readonly Problem[]): GraphQLError {
  if (problems.length === 0 || !problems.every(isConflict)) return invalidDocument(problems);
  return conflict(`${problems.map((p) => p.message).join('; ')}`, { problems });
}

/**
 * A batch that was not written: the problems of every rejected document, by its index in
 * the batch. Documents are judged as if loaded one by one with the rejected ones left out,
 * so the batch without them would be written as it stands.
 */
export class BatchRejected extends Error {
  constructor(readonly rejected: ReadonlyMap<number, readonly Problem[]>) {
    super(
      `batch rejected: ${[...rejected]
        .map(([i, problems]) => `document ${i}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
        .join('; ')}`,
    );
  }
}
