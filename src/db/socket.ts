/**
 * Socket settings for the Neo4j driver's connections (docs/bench-findings.md, finding 3).
 *
 * neo4j-driver 5.28 for Node writes every 1 400-byte chunk of a Bolt message with its own
 * `socket.write` and never turns Nagle's algorithm off. A query text or parameter list
 * longer than one chunk then leaves as several small segments; Nagle holds back the last
 * one until the first is acknowledged, and Linux delays that acknowledgement by up to
 * 40 ms, so a request of several queries could spend most of its time waiting on them. Each chunk
 * is also its own system call.
 *
 * The driver opens its sockets with `net.connect` (`tls.connect` when encrypted), read
 * off the module at call time. Wrapping those two gives every socket `setNoDelay(true)`
 * and coalesces the writes made in one tick of the event loop into one (`cork`, then
 * `uncork` on the next tick): a Bolt flush becomes one segment and one system call. The
 * wrap applies to every outgoing TCP connection of the process; both changes are what
 * HTTP clients do anyway, and neither changes what is sent.
 */
import net from 'node:net';
import tls from 'node:tls';

/**
 * Marks the modules and sockets already tuned. A registered symbol, not a module variable:
 * a process may load this module more than once (test runners give each test file its own
 * module registry) but has one `net`, and a socket wrapped twice would be corked twice.
 */
const TUNED = Symbol.for('news-knowledge-graph.tuned-socket');

type Marked = { [TUNED]?: true };

/** Idempotent; call before the driver opens its first connection. */
export function tuneOutgoingSockets(): void {
  if ((net as Marked)[TUNED]) return;
  (net as Marked)[TUNED] = true;
  const connect = net.connect;
  const createConnection = net.createConnection;
  const secureConnect = tls.connect;
  Object.assign(net, {
    connect: (...args: Parameters<typeof net.connect>) => tune(connect(...args)),
    createConnection: (...args: Parameters<typeof net.createConnection>) => tune(createConnection(...args)),
  });
  Object.assign(tls, { connect: (...args: Parameters<typeof tls.connect>) => tune(secureConnect(...args)) });
}

function tune<S extends net.Socket>(socket: S): S {
  if ((socket as Marked)[TUNED]) return socket;
  (socket as Marked)[TUNED] = true;
  socket.setNoDelay(true);
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: unknown[]): boolean => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  }) as typeof socket.write;
  return socket;
}
