/**
 * The mini-program and the server agree on who answers what: the client sends the spreadsheet
 * actions to the `sheets` function and everything else to `service` (src/services/call.ts), and
 * every action name the pages call is one the server answers. Read from the sources, as the pages
 * import Taro and cannot load here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, SHEET_ACTIONS } from '../../core/functions';

const SRC = join(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

test('the client routes exactly the server\'s spreadsheet actions to the sheets function', () => {
  const call = readFileSync(join(SRC, 'services', 'call.ts'), 'utf8');
  const list = /export const SHEET_ACTIONS: readonly string\[\] = \[([^\]]*)\]/.exec(call);
  expect(list).not.toBeNull();
  const client = [...list![1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  expect([...client].sort()).toEqual([...SHEET_ACTIONS].sort());
});

test('every action name a page calls is answered by the server', () => {
  const called = new Set<string>();
  for (const file of sources(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/callService<?[^(]*\(\s*'([^']+)'/g)) called.add(m[1]);
  }
  expect(called.size).toBeGreaterThan(30);
  expect([...called].filter((a) => !ACTIONS.includes(a)).sort()).toEqual([]);
});
