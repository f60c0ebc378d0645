/**
 * The mini-program and the server agree on who answers what: the client sends each action to the
 * function that answers it (src/services/routing.ts beside core/functions.ts functionOf), and every
 * action name the pages call is one the server answers (read from the sources, as the pages import
 * Taro and cannot load here).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, FUNCTION_NAMES, functionOf } from '../../core/functions';
import { functionFor } from '../../src/services/routing';

const SRC = join(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

test('the client sends every action to the function that answers it', () => {
  const wrong = ACTIONS.filter((a) => functionFor(a) !== functionOf(a)).map((a) => `${a}: client ${functionFor(a)}, server ${functionOf(a)}`);
  expect(wrong).toEqual([]);
  // each action function is reached by some action, and a name no function has goes to service (UNKNOWN_ACTION)
  const reached = new Set(ACTIONS.map(functionFor));
  expect([...reached].sort()).toEqual(FUNCTION_NAMES.filter((f) => ['service', 'console', 'visits', 'sheets'].includes(f)).sort());
  expect(functionFor('no.such.action')).toBe('service');
});

test('every action name a page calls is answered by the server', () => {
  const called = new Set<string>();
  for (const file of sources(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/callService<?[^(]*\(\s*'([^']+)'/g)) called.add(m[1]);
  }
  expect(called.size).toBeGreaterThan(30);
  expect([...called].filter((a) => !ACTIONS.includes(a)).sort()).toEqual([]);
});
