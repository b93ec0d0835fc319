/**
 * An edit's id and time. Apart from the repository so that the ingest hook
 * (src/ingest/provenance.ts), which the CLI loads without the GraphQL types, needs nothing else.
 */
import { randomUUID } from 'node:crypto';

export const newEditId = (): string => `edit:${randomUUID()}`;

/** Now, as edits store it: ISO date-time in UTC, to the millisecond, so it sorts as text. */
export const editTime = (): string => new Date().toISOString();
