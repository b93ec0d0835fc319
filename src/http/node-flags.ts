/**
 * The flags node runs the API with: `npm start`, the Dockerfile's CMD, and every server of
 * the bench (ours, the floor and the peer alike, so the comparison is not about a flag).
 * test/unit/node-flags.test.ts checks that the three say the same.
 *
 * A larger young generation (semi-spaces of up to 32 MB, node 20's default being 16 MB):
 * each request leaves the driver's per-query objects (sessions, results, observers) alive
 * past a scavenge, so with the default size the API's young generation sits at its largest,
 * every scavenge copies and promotes about a megabyte, and the old generation's collector
 * then frees it. Scavenges half as often copy and promote that much less per request
 * (docs/bench-findings.md, "the young generation"). A process whose objects die young, as
 * the floor's do, keeps its young generation small whatever this allows.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
