/**
 * The settings of the driver's connection pool and of the embedded Neo4j's start
 * (src/config.ts): their defaults, tied to the request limits, and their checks.
 */
import { Neo4jError } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { ConfigError, loadConfig } from '../../src/config';
import { translateDriverError } from '../../src/errors';

const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as ConfigError).problems;
  }
  return [];
};

describe('the connection pool', () => {
  it('defaults to room for six requests each running a read per alias, waiting a third of a request for a connection', () => {
    expect(loadConfig({}).pool).toEqual({ maxSize: 96, acquisitionMs: 5_000 });
    expect(loadConfig({ MAX_ALIASES: '1', REQUEST_TIMEOUT_MS: '3000' }).pool).toEqual({ maxSize: 16, acquisitionMs: 1_000 });
  });

  it('is read from NEO4J_MAX_POOL_SIZE and NEO4J_ACQUISITION_TIMEOUT_MS, and refuses what is no bound', () => {
    expect(loadConfig({ NEO4J_MAX_POOL_SIZE: '8', NEO4J_ACQUISITION_TIMEOUT_MS: '250' }).pool).toEqual({ maxSize: 8, acquisitionMs: 250 });
    expect(problemsOf({ NEO4J_MAX_POOL_SIZE: '0', NEO4J_ACQUISITION_TIMEOUT_MS: '2s' })).toEqual([
      'NEO4J_MAX_POOL_SIZE must be a whole number from 1 to 10000; received "0"',
      'NEO4J_ACQUISITION_TIMEOUT_MS must be a whole number from 100 to 600000; received "2s"',
    ]);
  });

  it('turns the driver’s acquisition timeout into OVERLOADED, naming both settings', () => {
    const message = 'Connection acquisition timed out in 250 ms. Pool status: Active conn count = 8, Idle conn count = 0.';
    // As the driver's pool makes it (neo4j-driver-core, newError): no Neo4j code.
    const driverError = new Neo4jError(message, 'N/A', '50N42', `error: general processing exception - unexpected error. ${message}`);
    const translated = translateDriverError(driverError) as GraphQLError;
    expect(translated).toBeInstanceOf(GraphQLError);
    expect({ message: translated.message, code: translated.extensions.code }).toEqual({
      message:
        'Every connection of this server to the graph database (8 in use) stayed busy for 250 ms, the longest a query waits for one; try again shortly. Operators: NEO4J_MAX_POOL_SIZE and NEO4J_ACQUISITION_TIMEOUT_MS.',
      code: 'OVERLOADED',
    });
  });
});

describe('the embedded Neo4j’s start', () => {
  it('waits 120 s for the launcher by default, NEO4J_START_TIMEOUT_MS when set', () => {
    expect(loadConfig({}).embedded.startTimeoutMs).toBe(120_000);
    expect(loadConfig({ NEO4J_START_TIMEOUT_MS: '600000' }).embedded.startTimeoutMs).toBe(600_000);
    expect(problemsOf({ NEO4J_START_TIMEOUT_MS: '10' })).toEqual(['NEO4J_START_TIMEOUT_MS must be a whole number from 1000 to 3600000; received "10"']);
  });
});
