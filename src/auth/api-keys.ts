/**
 * API keys and the roles they carry. An API_KEYS entry is `name:role:secret` (role `ingest`
 * or `editor`), or a bare secret, which keeps the form older deployments use: it gets the
 * role `ingest` and the name `key-` + the first 8 hex digits of the secret's SHA-256, so
 * an operator can tell keys apart in the edit history without the secret being shown.
 *
 * Keys are compared in constant time per configured key (the caller's key is hashed once
 * and compared with every key's hash, all of them, whichever matches), so timing reveals
 * nothing of a key, nor which key matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const ROLES = ['ingest', 'editor'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  readonly name: string;
  readonly role: Role;
  readonly secret: string;
}

/** Who is calling, once the key matched: never the secret. */
export interface Caller {
  readonly name: string;
  readonly role: Role;
}

/** What each role may do beyond reading: an editor may also ingest. */
const GRANTS: Readonly<Record<Role, readonly Role[]>> = { ingest: ['ingest'], editor: ['ingest', 'editor'] };

export const mayAct = (caller: Caller, needed: Role): boolean => GRANTS[caller.role].includes(needed);

const MIN_SECRET = 16;
const KEY_NAME = /^[A-Za-z0-9._-]{1,40}$/;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The name a bare key goes by: `key-` and 8 hex digits of its hash. */
export const bareKeyName = (secret: string): string => `key-${digest(secret).toString('hex').slice(0, 8)}`;

/** One API_KEYS entry, or the problem with it (which never shows the secret). */
export function parseApiKey(entry: string): ApiKey | string {
  const parts = entry.split(':');
  if (parts.length === 1) {
    if (entry.length < MIN_SECRET) return `API_KEYS entries must be at least ${MIN_SECRET} characters; one has ${entry.length}`;
    return { name: bareKeyName(entry), role: 'ingest', secret: entry };
  }
  const [name = '', role = '', ...rest] = parts;
  const secret = rest.join(':');
  if (!KEY_NAME.test(name)) return `API_KEYS entries of the form name:role:secret need a name of letters, digits, '.', '_' or '-' (at most 40); received a name of ${name.length} characters`;
  if (!(ROLES as readonly string[]).includes(role)) return `API_KEYS entry ${name} must have the role ${ROLES.join(' or ')}; received ${JSON.stringify(role)}`;
  if (secret.length < MIN_SECRET) return `API_KEYS entry ${name} needs a secret of at least ${MIN_SECRET} characters; it has ${secret.length}`;
  return { name, role: role as Role, secret };
}

/** The comma-separated API_KEYS value as keys, and every problem found; names must be unique. */
export function parseApiKeys(value: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  for (const entry of value.split(',').map((k) => k.trim()).filter((k) => k.length > 0)) {
    const parsed = parseApiKey(entry);
    if (typeof parsed === 'string') problems.push(parsed);
    else if (keys.some((k) => k.name === parsed.name)) problems.push(`API_KEYS names must be unique; ${parsed.name} appears twice`);
    else keys.push(parsed);
  }
  return { keys, problems };
}

/** Keys as configured, or as entries of API_KEYS (test harnesses pass those); entries with a problem are left out. */
export function keyring(keys: readonly (ApiKey | string)[]): ApiKey[] {
  return keys.flatMap((key) => {
    if (typeof key !== 'string') return [key];
    const parsed = parseApiKey(key);
    return typeof parsed === 'string' ? [] : [parsed];
  });
}

/** The caller whose key the `Authorization: Bearer <key>` header carries, or null. */
export function callerOf(header: string | undefined | null, keys: readonly ApiKey[]): Caller | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match || keys.length === 0) return null;
  const given = digest(match[1] as string);
  let found: ApiKey | null = null;
  for (const key of keys) {
    const same = timingSafeEqual(given, digest(key.secret));
    if (same && found === null) found = key;
  }
  return found === null ? null : { name: found.name, role: found.role };
}
