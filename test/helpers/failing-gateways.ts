/**
 * Gateways that fail the way production code meets faults, for tests of how the server
 * answers them: each is the real gateway class over a real driver, with its reads replaced.
 */
import { Neo4jError } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { createDriver, Neo4jGateway, type Row } from '../../src/db/gateway';
import { translateDriverError } from '../../src/errors';

/** A driver for the test Neo4j, for a gateway built by hand. */
export function driverForTests() {
  const config = loadConfig();
  return createDriver({ ...config.neo4j, uri: config.neo4j.uri as string });
}

/** Every read is a bug: the kind of fault that must be masked for clients and logged for operators. */
export class BrokenGateway extends Neo4jGateway {
  override async read(): Promise<Row[]> {
    throw new TypeError("Cannot read properties of undefined (reading 'secretInternalDetail')");
  }
}

/** Every read finds Neo4j gone, as the gateway reports it: SERVICE_UNAVAILABLE with HTTP 503. */
export class UnavailableGateway extends Neo4jGateway {
  override async read(): Promise<Row[]> {
    throw translateDriverError(new Neo4jError('Connection refused', 'ServiceUnavailable', 'N/A', 'N/A'));
  }
}
