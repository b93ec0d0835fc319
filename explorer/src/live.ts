/**
 * Live updates over graphql-ws (the `statementChanges` subscription, on the API's own
 * address): a view passes its filter and is told, at most once per `debounceMs`, that
 * statements it selects were created, changed or retracted, so it can ask again for what it
 * shows. The view re-reads its whole answer rather than patching it, so what it shows is
 * always an answer of the API, and a reconnect (after which changes may have been missed)
 * simply counts as a change.
 *
 * The feature is checked against the schema this page was built with: a server whose schema
 * has no such subscription gets no WebSocket at all, and the page works without live updates.
 */
import { createClient } from 'graphql-ws';
import sdl from '../../schema/schema.graphql';
import { STATEMENT_CHANGES } from './api';
import type { AttributionFilter } from './routes';

export const LIVE_UPDATES_AVAILABLE = /\btype Subscription\s*\{[^}]*\bstatementChanges\(/.test(sdl);

export type LiveState = 'unavailable' | 'connecting' | 'live' | 'lost';

export interface Watch {
  readonly filter: AttributionFilter;
  /** Called once a burst of changes has been quiet for debounceMs. */
  readonly onChange: () => void;
  readonly onState: (state: LiveState) => void;
  readonly debounceMs?: number;
}

/** The address of the API's WebSocket: the page's own origin, ws: or wss: as the page is http: or https:. */
const socketUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** Starts watching; the function returned stops it. */
export function watchStatements({ filter, onChange, onState, debounceMs = 400 }: Watch): () => void {
  if (!LIVE_UPDATES_AVAILABLE) {
    onState('unavailable');
    return () => undefined;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  let connections = 0;
  const client = createClient({
    url: socketUrl(),
    retryAttempts: 5,
    on: {
      connected: () => {
        connections += 1;
        onState('live');
        if (connections > 1) changed();
      },
      closed: () => onState('lost'),
    },
  });
  onState('connecting');
  let stopped = false;
  let unsubscribe: () => void = () => undefined;
  let again: ReturnType<typeof setTimeout> | undefined;
  // The server ends a stream only when its sequence was lost (SEQUENCE_LOST: the database
  // was made anew, or deletions were pruned); the last result has already asked the view to
  // re-read, so watching goes on with a new stream from now rather than silently stopping.
  const subscribe = (): void => {
    unsubscribe = client.subscribe(
      { query: STATEMENT_CHANGES, variables: { filter } },
      { next: changed, error: () => onState('lost'), complete: () => { if (!stopped) again = setTimeout(subscribe, debounceMs); } },
    );
  };
  subscribe();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(again);
    unsubscribe();
    void client.dispose();
  };
}
