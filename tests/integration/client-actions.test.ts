/**
 * The mini-program and the server agree on who answers what through one list, core/contract/actions.ts:
 * the pages send each action to the function the contract names (src/services/call.ts), each function
 * answers exactly its names (held by the type of its table, and here by calling them), and every action
 * name the pages call is in the contract (the type of callService; read from the sources here too, as
 * the pages import Taro and cannot load).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, FUNCTION_NAMES, functionOf } from '../../core/functions';
import { ACTIONS_BY_FUNCTION, isAction } from '../../core/contract/actions';
import { makeHarness } from '../support/harness';

const SRC = join(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

test('each action belongs to exactly one function, and a name nobody answers goes to service', () => {
  const names = Object.values(ACTIONS_BY_FUNCTION).flat();
  expect(new Set(names).size).toBe(names.length);
  for (const [fn, list] of Object.entries(ACTIONS_BY_FUNCTION)) for (const a of list) expect(functionOf(a)).toBe(fn);
  expect(functionOf('no.such.action')).toBe('service');
  expect(isAction('no.such.action')).toBe(false);
  expect([...new Set(ACTIONS.map(functionOf))].sort()).toEqual(FUNCTION_NAMES.filter((f) => f in ACTIONS_BY_FUNCTION).sort());
});

test('each function answers every name the contract gives it (never UNKNOWN_ACTION)', async () => {
  const h = await makeHarness();
  try {
    const unknown: string[] = [];
    for (const a of ACTIONS) {
      const r = (await h.fns[functionOf(a)]({ action: a }, { openid: 'contract-probe' })) as { ok: boolean; code?: string };
      if (!r.ok && r.code === 'UNKNOWN_ACTION') unknown.push(a);
    }
    expect(unknown).toEqual([]);
    // and a name outside the contract is refused as such
    expect(await h.fns.service({ action: 'no.such.action' }, { openid: 'contract-probe' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  } finally {
    h.cleanup();
  }
});

test('every action name a page calls is answered by the server', () => {
  const called = new Set<string>();
  for (const file of sources(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/callService<?[^(]*\(\s*'([^']+)'/g)) called.add(m[1]);
  }
  expect(called.size).toBeGreaterThan(30);
  expect([...called].filter((a) => !ACTIONS.includes(a)).sort()).toEqual([]);
});
