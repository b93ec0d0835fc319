/**
 * The flags node runs the API with: `npm start`, the Dockerfile's NODE_OPTIONS, and every server of
 * the bench (ours, the floor and the peer alike, so the comparison is not about a flag).
 * test/unit/node-flags.test.ts checks that the three say the same.
 *
 * A larger young generation (semi-spaces of up to 32 MB; node 20's default is 16 MB). Each
 * lookup leaves the driver's per-query objects (sessions, results, observers) alive past a
 * scavenge, so at the default size the API's young generation sits at its cap, and every
 * scavenge copies them and promotes them for the old generation's collector to free. V8 applies
 * the flag to every isolate of the process, the extraction workers' included (their
 * `resourceLimits` young generation gives way to it): each may grow its young generation to
 * the same cap, beside the old-generation heap the pool limits (README, "Extraction workers").
 * With room to grow, scavenges come less often for about the same copy each, which cuts a
 * lookup's CPU; a larger cap saved little more for much more resident memory (the measurements
 * are in docs/bench-findings.md, "the young generation"). A process whose objects die young, as the
 * floor's do, keeps its young generation small whatever this allows. V8 sizes its heap when
 * node starts, so this cannot be set from inside the process. What kept the driver's objects
 * alive past a scavenge was later found to be the drain's Set of responses in flight
 * (in-flight.ts); whether the larger cap still pays without it was not measured then.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
