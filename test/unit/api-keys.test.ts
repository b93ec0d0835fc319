import { createHash } from 'node:crypto';
import { bareKeyName, callerOf, mayAct, parseApiKeys } from '../../src/auth/api-keys';
import { loadConfig } from '../../src/config';

describe('API keys with names and roles', () => {
  it('reads name:role:secret entries and bare secrets, the bare ones as role ingest named by a short hash', () => {
    const secret = 'bare-secret-0123456789';
    const { keys, problems } = parseApiKeys(` desk-1:editor:editor-secret-0123456789 , ${secret},feed.2:ingest:a:secret:with:colons`);
    expect(problems).toEqual([]);
    expect(keys).toEqual([
      { name: 'desk-1', role: 'editor', secret: 'editor-secret-0123456789' },
      { name: `key-${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`, role: 'ingest', secret },
      { name: 'feed.2', role: 'ingest', secret: 'a:secret:with:colons' },
    ]);
    expect(bareKeyName(secret)).toMatch(/^key-[0-9a-f]{8}$/);
  });

  it('reports every bad entry without showing its secret', () => {
    const { problems } = parseApiKeys('desk:admin:secret-0123456789abc,desk:editor:short,bad name:editor:secret-0123456789abc,a:editor:secret-0123456789abc,a:ingest:secret-9876543210abc');
    expect(problems).toEqual([
      'API_KEYS entry desk must have the role ingest or editor; received "admin"',
      'API_KEYS entry desk needs a secret of at least 16 characters; it has 5',
      "API_KEYS entries of the form name:role:secret need a name of letters, digits, '.', '_' or '-' (at most 40); received a name of 8 characters",
      'API_KEYS names must be unique; a appears twice',
    ]);
    expect(problems.join(' ')).not.toMatch(/secret-0123456789abc|short/);
    expect(() => loadConfig({ API_KEYS: 'desk:admin:secret-0123456789abc' })).toThrow(/role ingest or editor/);
  });

  it('finds the caller by the bearer key, and an editor may do what an ingest key may', () => {
    const { keys } = parseApiKeys('desk-1:editor:editor-secret-0123456789,feed-1:ingest:ingest-secret-0123456789');
    expect(callerOf('Bearer ingest-secret-0123456789', keys)).toEqual({ name: 'feed-1', role: 'ingest' });
    expect(callerOf('bearer editor-secret-0123456789', keys)).toEqual({ name: 'desk-1', role: 'editor' });
    expect([callerOf('Bearer editor-secret-012345678', keys), callerOf('Basic editor-secret-0123456789', keys), callerOf(undefined, keys), callerOf('Bearer x', [])]).toEqual([null, null, null, null]);
    expect([mayAct({ name: 'a', role: 'editor' }, 'ingest'), mayAct({ name: 'a', role: 'editor' }, 'editor'), mayAct({ name: 'b', role: 'ingest' }, 'editor')]).toEqual([true, true, false]);
  });
});
