/**
 * A request's time budget (REQUEST_TIMEOUT_MS): when it ends, how much of it is left, what a
 * Neo4j transaction may have of it, and the TIMEOUT error a client gets when it runs out.
 * The HTTP layer starts one per request; the gateway gives each transaction what is left,
 * so Neo4j cancels the query at the deadline; a request still running a grace period after
 * it is answered anyway (SECURITY.md).
 */
import { GraphQLError } from 'graphql';

/** The code of every timeout a client sees (ErrorCode.TIMEOUT). */
export const TIMEOUT = 'TIMEOUT';

/** When a request must be answered by (epoch ms), and the whole budget it had. */
export interface Deadline {
  readonly at: number;
  readonly ms: number;
}

/** The budget that ran out: a setting name and its value in milliseconds. */
export interface Budget {
  readonly setting: string;
  readonly ms: number;
}

const REQUEST_SETTING = 'REQUEST_TIMEOUT_MS';

/** After the deadline, Neo4j cancels the transaction; this much later the response goes out regardless. */
const GRACE_MS = 1_000;

export function startDeadline(ms: number): Deadline {
  return { at: Date.now() + ms, ms };
}

/** Milliseconds until the deadline; 0 or less once it has passed. */
export function timeLeft(deadline: Deadline): number {
  return deadline.at - Date.now();
}

/** How long node may wait for a request's body and answer in all: past the deadline and its grace, with room to spare. */
export function socketLimitMs(requestMs: number): number {
  return requestMs + 10_000;
}

export function timedOut(budget: Budget | undefined, originalError?: Error): GraphQLError {
  const which = budget ? ` of ${budget.ms} ms (${budget.setting})` : '';
  return new GraphQLError(`The query ran longer than its time budget${which} and was cancelled; ask for fewer items or a narrower filter.`, {
    extensions: { code: TIMEOUT },
    originalError,
  });
}

/** The request's own budget: REQUEST_TIMEOUT_MS, as a deadline carries it. */
export const requestBudget = (deadline: Deadline): Budget => ({ setting: REQUEST_SETTING, ms: deadline.ms });

/**
 * A transaction's timeout: its own (`own`), or what the request has left if that is less.
 * Throws TIMEOUT when nothing is left: a timeout of 0 would mean "none" to Neo4j.
 */
export function transactionBudget(deadline: Deadline | undefined, own: Budget): Budget & { readonly timeoutMs: number } {
  // Written out, not spread: on node 20 a spread followed by a property costs microseconds, and every read asks (docs/bench-findings.md, "an object spread followed by a property").
  const ownBudget = { setting: own.setting, ms: own.ms, timeoutMs: own.ms };
  if (deadline === undefined) return ownBudget;
  const left = Math.floor(timeLeft(deadline));
  if (left < 1) throw timedOut(requestBudget(deadline));
  if (left >= own.ms) return ownBudget;
  const request = requestBudget(deadline);
  return { setting: request.setting, ms: request.ms, timeoutMs: left };
}

/** `work`'s result, or TIMEOUT when the request's deadline comes first. */
export async function within<T>(work: Promise<T>, deadline: Deadline | undefined): Promise<T> {
  if (deadline === undefined) return work;
  return raceTimer(work, Math.max(timeLeft(deadline), 0), () => timedOut(requestBudget(deadline)));
}

/** `promise`'s result, or an Error saying no answer came within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return raceTimer(promise, ms, () => new Error(`no answer within ${ms / 1000} s`));
}

/** `promise`'s result, or `expired()` thrown after `ms`; the timer never outlives the race. */
export async function raceTimer<T>(promise: Promise<T>, ms: number, expired: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What a client is told when its request was still running a grace period after its deadline. */
export function abandoned(deadline: Deadline): GraphQLError {
  return new GraphQLError(
    `The request did not finish within its time budget of ${deadline.ms} ms (${REQUEST_SETTING}) and was abandoned; ask for fewer items or a narrower filter.`,
    { extensions: { code: TIMEOUT } },
  );
}

/** Calls `overrun` a grace period after the deadline, unless the returned function is called first. */
export function afterGrace(deadline: Deadline, overrun: () => void): () => void {
  const timer = setTimeout(overrun, Math.max(timeLeft(deadline), 0) + GRACE_MS);
  return () => clearTimeout(timer);
}
