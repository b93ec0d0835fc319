import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await Promise.all([...(globalThis.__TEST_DATABASES__ ?? []).map((database) => database.close()), globalThis.__TEST_SCRATCH_NEO4J__?.stop()]);
  const dataDir = process.env.NKG_TEST_DATA_DIR;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
