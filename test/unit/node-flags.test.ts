/**
 * The API's node flags (src/http/node-flags.ts) are given by every way the project starts it:
 * `npm start` and the Dockerfile's NODE_OPTIONS (the bench's servers take them from the constant).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_NODE_FLAGS } from '../../src/http/node-flags';

const root = path.resolve(__dirname, '..', '..');

describe('the API node flags', () => {
  it('are what npm start gives node before the API', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toContain(`node ${API_NODE_FLAGS.join(' ')} dist/src/main.js`);
  });

  it("are the Dockerfile's NODE_OPTIONS, which node takes as its own flags", () => {
    expect(/^ENV NODE_OPTIONS=(.*)$/m.exec(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))?.[1]).toBe(API_NODE_FLAGS.join(' '));
  });
});
