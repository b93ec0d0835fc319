/**
 * TCP_NODELAY for the Neo4j driver's connections: the fix proposed in BENCHMARKS.md
 * (finding F1), applied to the bench's own processes when it runs with --no-delay, so the
 * tables can show the product both as shipped and with the fix.
 *
 * neo4j-driver 5.28 for Node never calls socket.setNoDelay(true) and writes a Bolt message
 * in 1 400-byte chunks, so any request larger than that (a long query text, a batch of 50
 * ids, an article's text) goes out as several TCP segments; Nagle's algorithm holds the
 * last one until the server acknowledges the first, and Linux delays that ACK by ~40 ms.
 * The driver opens its sockets with `net.connect` (`tls.connect` when encrypted), looked
 * up on the module at call time, so wrapping those two sets the option on every socket.
 */
import net from 'node:net';
import tls from 'node:tls';

export const NO_DELAY_ENV = 'BENCH_NO_DELAY';

let applied = false;

export function disableNagle(): void {
  if (applied) return;
  applied = true;
  const connect = net.connect;
  const secureConnect = tls.connect;
  Object.assign(net, { connect: (...args: Parameters<typeof net.connect>) => connect(...args).setNoDelay(true) });
  Object.assign(tls, { connect: (...args: Parameters<typeof tls.connect>) => secureConnect(...args).setNoDelay(true) });
}

/** Applies the fix when the bench asked for it through the environment (its server children). */
export function disableNagleWhenAsked(): boolean {
  if (process.env[NO_DELAY_ENV] === '1') disableNagle();
  return applied;
}
