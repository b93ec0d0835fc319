/**
 * The role check every mutation makes before it reads or writes anything: no key is
 * UNAUTHENTICATED, a key without the role FORBIDDEN. Returns who is acting, as edits record it.
 */
import type { Context } from '../context';
import { forbidden, unauthenticated } from '../errors';
import { mayAct, type Role } from './api-keys';

export function actingAs(ctx: Context, role: Role, operation: string): string {
  const { caller } = ctx;
  if (caller === null) {
    throw unauthenticated(`${operation} needs an API key: send the header \`Authorization: Bearer <key>\` with a key from the server's API_KEYS.`);
  }
  if (!mayAct(caller, role)) throw forbidden(`${operation} needs a key with the role ${role}; the key sent has the role ${caller.role}.`);
  return caller.name;
}
