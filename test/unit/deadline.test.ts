/** The request time budget (src/deadline.ts): what a transaction may have of it, and the TIMEOUT it ends in. */
import { GraphQLError } from 'graphql';
import { startDeadline, transactionBudget, within } from '../../src/deadline';

const OWN = { setting: 'NEO4J_TRANSACTION_TIMEOUT_MS', ms: 10_000 };

describe('transactionBudget', () => {
  it('is the transaction timeout of its own without a deadline, or while the request has more left', () => {
    expect(transactionBudget(undefined, OWN)).toEqual({ ...OWN, timeoutMs: 10_000 });
    expect(transactionBudget(startDeadline(60_000), OWN)).toEqual({ ...OWN, timeoutMs: 10_000 });
  });

  it("is what the request has left when that is less, named after the request's setting", () => {
    const budget = transactionBudget({ at: Date.now() + 5_000, ms: 15_000 }, OWN);
    expect({ setting: budget.setting, ms: budget.ms }).toEqual({ setting: 'REQUEST_TIMEOUT_MS', ms: 15_000 });
    expect(budget.timeoutMs).toBeGreaterThan(0);
    expect(budget.timeoutMs).toBeLessThanOrEqual(5_000);
  });

  it('throws TIMEOUT, naming the request budget, once nothing is left (a timeout of 0 would mean none to Neo4j)', () => {
    let thrown: unknown;
    try {
      transactionBudget({ at: Date.now() - 1, ms: 15_000 }, OWN);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect({ message: (thrown as GraphQLError).message, code: (thrown as GraphQLError).extensions.code }).toEqual({
      message: 'The query ran longer than its time budget of 15000 ms (REQUEST_TIMEOUT_MS) and was cancelled; ask for fewer items or a narrower filter.',
      code: 'TIMEOUT',
    });
  });
});

describe('within', () => {
  it("gives the work's result while the deadline has not passed, and without a deadline", async () => {
    await expect(within(Promise.resolve(42), startDeadline(60_000))).resolves.toBe(42);
    await expect(within(Promise.resolve(42), undefined)).resolves.toBe(42);
  });

  it('rejects with TIMEOUT when the deadline comes first', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(within(never, { at: Date.now() - 1, ms: 500 })).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
  });
});
