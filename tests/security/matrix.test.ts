/**
 * Who may call what: every action of the service function (the list comes from the action table
 * itself) × every role, each on a fresh copy of the same world and with the input the rightful
 * caller would send. The expected answer of each cell is kept in ONE table below; a new action
 * without a row fails. A role that must not reach an action gets FORBIDDEN or NOT_FOUND (or a
 * state error that says nothing about anyone else's data), never data.
 *
 * Also: names that are not actions (every Object.prototype name among them) are UNKNOWN_ACTION on
 * every function; no answer ever carries the bootstrap code; a staff write action answers an id
 * that is not theirs exactly as it answers an id that does not exist.
 */
import { C } from '../../core/collections';
import type { ErrorCode } from '../../core/errors';
import { ACTIONS, assertPlainData, FUNCTION_NAMES, functionOf, SHEET_ACTIONS } from '../../core/functions';
import { matchesBootstrapCode } from '../../core/admin/staff';
import { BOOTSTRAP_CODE, buildWorld, CALLERS, openCopy, openidOf, removeWorld, ROLES, samples, STREET_DISPATCHER, type Role, type Snapshot } from './world';

// building the world and ~900 calls on fresh copies: generous for a busy 2-core machine
jest.setTimeout(120_000);

type Outcome = 'ok' | ErrorCode;
/** one outcome per role, in ROLES order; a list means "one of" (see the note at the row) */
type Row = [Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[], Outcome | Outcome[]];

const ok = 'ok';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const S = 'INVALID_STATE';
const NB = 'NOT_BOUND';
const ELSEWHERE = 'VISIT_OPEN_ELSEWHERE';

// prettier-ignore
const EXPECTED: Record<string, Row> = {
  //                           enterprise newcomer officer liaison dispatcher department leader admin deactivated cppcc
  'me':                         [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok],
  'meta':                       [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok],
  'home.todo':                  [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'enterprise.bind':            ['ALREADY_BOUND', ok, F, F, F, F, F, F, F, F],
  'request.submit':             [ok, NB, F, F, F, F, F, F, F, F],
  // 代报: a liaison for its enterprises, a grid officer for its grids', a CPPCC member (直通车) for the district's bound ones (core/intake/file-for.ts)
  'request.fileFor':            [F, F, ok, ok, F, F, F, F, F, ok],
  'request.fileForOptions':     [F, F, ok, ok, ok, F, F, F, F, ok],
  // what one filed (我代报的诉求): its own filings only, whoever asks
  'request.filedByMe':          [F, F, ok, ok, F, F, F, F, F, ok],
  // 茶叙会/企业家日: a dispatcher records the problems of its scope's enterprises (core/intake/meeting.ts)
  'meeting.record':             [F, F, F, F, ok, F, F, F, F, F],
  'request.mine':               [ok, ok, F, F, F, F, F, F, F, F],
  'request.get':                [ok, N, ok, N, ok, N, ok, ok, F, N],
  'request.accept':             [F, F, ok, N, F, F, F, F, F, F],
  'request.progress':           [F, F, ok, N, F, F, F, F, F, F],
  'request.resolve':            [F, F, ok, N, F, F, F, F, F, F],
  'request.confirm':            [ok, N, F, F, F, F, F, F, F, F],
  'request.reopen':             [ok, N, F, F, F, F, F, F, F, F],
  'request.pause':              [F, F, ok, N, F, F, F, F, F, F],
  'request.resume':             [F, F, ok, N, F, F, F, F, F, F],
  'request.supplement':         [ok, N, F, F, F, F, F, F, F, F],
  'request.urge':               [ok, N, F, F, F, F, F, F, F, F],
  'request.appeal':             [ok, N, F, F, F, F, F, F, F, F],
  'request.note':               [ok, N, F, F, F, F, F, F, F, F],
  'officer.inbox':              [F, F, ok, ok, F, F, F, F, F, F],
  'desk.options':               [F, F, F, F, ok, F, ok, F, F, F],
  'desk.verify':                [F, F, F, F, ok, F, F, F, F, F],
  'desk.reject':                [F, F, F, F, ok, F, F, F, F, F],
  'desk.reassign':              [F, F, F, F, ok, F, F, F, F, F],
  'desk.escalate':              [F, F, F, F, ok, F, F, F, F, F],
  'desk.refer':                 [F, F, F, F, ok, F, F, F, F, F],
  // 并件 (core/desk/merge.ts)
  'desk.merge':                 [F, F, F, F, ok, F, F, F, F, F],
  'desk.unmerge':               [F, F, F, F, ok, F, F, F, F, F],
  'desk.notDuplicate':          [F, F, F, F, ok, F, F, F, F, F],
  'card.issue':                 [F, F, F, F, ok, F, F, F, F, F],
  'card.list':                  [F, F, F, F, F, ok, F, F, F, F],
  'card.get':                   [F, F, F, F, F, ok, F, F, F, F],
  'card.accept':                [F, F, F, F, F, ok, F, F, F, F],
  'card.reply':                 [F, F, F, F, F, ok, F, F, F, F],
  'card.return':                [F, F, F, F, F, ok, F, F, F, F],
  'card.progress':              [F, F, F, F, F, ok, F, F, F, F],
  'card.final':                 [F, F, F, F, F, ok, F, F, F, F],
  'card.urge':                  [F, F, F, F, ok, F, F, F, F, F],
  'card.deadline':              [F, F, F, F, ok, F, F, F, F, F],
  'card.withdraw':              [F, F, F, F, ok, F, F, F, F, F],
  'card.closeParty':            [F, F, F, F, ok, F, F, F, F, F],
  'request.handBack':           [F, F, ok, N, F, F, F, F, F, F],
  'request.extension.ask':      [F, F, ok, N, F, F, F, F, F, F],
  'desk.extension.decide':      [F, F, F, F, ok, F, F, F, F, F],
  'callback.record':            [F, F, F, F, ok, F, F, F, F, F],
  'ledger.list':                [F, F, F, F, ok, ok, ok, F, F, F],
  'enterprise.unbind':          [ok, NB, F, F, F, F, F, F, F, F],
  'enterprise.contacts':        [ok, NB, F, F, F, F, F, F, F, F],
  // everyone sees the applications they are the approver of (none, for most)
  'binding.list':               [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'binding.approve':            [ok, N, N, N, N, N, N, ok, F, N],
  'binding.reject':             [ok, N, N, N, N, N, N, ok, F, N],
  // an invite is for a WeChat identity with no account yet
  'invite.redeem':              [S, ok, S, S, S, S, S, S, F, S],
  'admin.overview':             [F, F, F, F, F, F, F, ok, F, F],
  'admin.orgs.list':            [F, F, F, F, F, F, F, ok, F, F],
  'admin.orgs.create':          [F, F, F, F, F, F, F, ok, F, F],
  'admin.orgs.update':          [F, F, F, F, F, F, F, ok, F, F],
  'admin.orgs.retire':          [F, F, F, F, F, F, F, ok, F, F],
  'admin.orgs.restore':         [F, F, F, F, F, F, F, ok, F, F],
  'admin.staff.list':           [F, F, F, F, F, F, F, ok, F, F],
  'admin.staff.invite':         [F, F, F, F, F, F, F, ok, F, F],
  'admin.staff.update':         [F, F, F, F, F, F, F, ok, F, F],
  'admin.staff.deactivate':     [F, F, F, F, F, F, F, ok, F, F],
  'admin.staff.activate':       [F, F, F, F, F, F, F, ok, F, F],
  'admin.staff.reinvite':       [F, F, F, F, F, F, F, ok, F, F],
  'admin.enterprises.list':     [F, F, F, F, F, F, F, ok, F, F],
  'admin.enterprises.save':     [F, F, F, F, F, F, F, ok, F, F],
  'admin.enterprises.template': [F, F, F, F, F, F, F, ok, F, F],
  // the world's file is a generated template, not an upload: where only one's own uploads may be
  // imported the admin is refused with FILE_NOT_ALLOWED; either way nobody else gets that far
  'admin.enterprises.import':   [F, F, F, F, F, F, F, [ok, 'FILE_NOT_ALLOWED'], F, F],
  'admin.enterprises.importErrors': [F, F, F, F, F, F, F, [ok, 'FILE_NOT_ALLOWED'], F, F],
  // 12345: a dispatcher imports the hotline's export it uploaded (the world's file is the admin's template)
  'hotline.import':             [F, F, F, F, [ok, 'FILE_NOT_ALLOWED'], F, F, F, F, F],
  // 知识库 Excel 导入 (the admin's own upload; the world's file is its generated template, not an upload)
  'kb.template':                [F, F, F, F, F, F, F, ok, F, F],
  'kb.import':                  [F, F, F, F, F, F, F, [ok, 'FILE_NOT_ALLOWED'], F, F],
  'items.template':             [F, F, F, F, F, F, F, ok, F, F],
  'items.import':               [F, F, F, F, F, F, F, [ok, 'FILE_NOT_ALLOWED'], F, F],
  'admin.stewardship.set':      [F, F, F, F, F, F, F, ok, F, F],
  'admin.rules.get':            [F, F, F, F, F, F, F, ok, F, F],
  'admin.rules.save':           [F, F, F, F, F, F, F, ok, F, F],
  'admin.audit.list':           [F, F, F, F, F, F, F, ok, F, F],
  'kb.suggest':                 [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'kb.helped':                  [ok, ok, F, F, F, F, F, F, F, F],
  'kb.list':                    [F, F, F, F, F, F, F, ok, F, F],
  'kb.save':                    [F, F, F, F, F, F, F, ok, F, F],
  'kb.remove':                  [F, F, F, F, F, F, F, ok, F, F],
  'items.suggest':              [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'items.triage':               [F, F, F, F, ok, F, F, F, F, F],
  'desk.duplicates':            [F, F, F, F, ok, F, F, F, F, F],
  'items.list':                 [F, F, F, F, F, F, F, ok, F, F],
  'items.save':                 [F, F, F, F, F, F, F, ok, F, F],
  'items.remove':               [F, F, F, F, F, F, F, ok, F, F],
  'system.warnings':            [F, F, F, F, ok, F, ok, ok, F, F],
  'ledger.export':              [F, F, F, F, ok, ok, ok, F, F, F],
  'stats.dashboard':            [F, F, F, F, ok, ok, ok, F, F, F],
  'stats.verify':               [F, F, F, F, F, F, ok, ok, F, F],
  'rankings.compute':           [F, F, F, F, ok, F, ok, F, F, F],
  'rankings.list':              [F, F, F, F, ok, F, ok, F, F, F],
  'rankings.get':               [F, F, F, F, ok, F, ok, F, F, F],
  'rankings.settings':          [F, F, F, F, ok, F, ok, ok, F, F],
  'rankings.configure':         [F, F, F, F, F, F, ok, ok, F, F],
  'briefing.view':              [F, F, F, F, ok, F, ok, F, F, F],
  'briefing.generate':          [F, F, F, F, ok, F, ok, F, F, F],
  // one's own messages
  'messages.list':              [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'messages.read':              [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  // one's own consents and SMS choice (staff get SMS by the admin's rules, not by choice); reach and send counts for the desk
  'notify.settings':            [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'notify.consent':             [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'notify.smsOptIn':            [ok, ok, F, F, F, F, F, F, F, F],
  'desk.reach':                 [F, F, F, F, ok, F, ok, F, F, F],
  'stats.notify':               [F, F, F, F, ok, F, ok, F, F, F],
  // e-002's code: its contacts, its grid's officers, supervisors; not another enterprise's liaison or a department
  'visit.code':                 [ok, N, ok, N, ok, N, ok, ok, F, N],
  'visit.poster':               [ok, N, ok, N, ok, N, ok, ok, F, N],
  // anyone may scan a posted code; who is not visiting staff is told what the code is for, nothing more
  'visit.scan':                 [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  // the officer is on site at e-002 in this world
  'visit.checkin':              [F, F, ELSEWHERE, ok, ok, ok, ok, F, F, F],
  'visit.join':                 [F, F, S, ok, ok, ok, ok, F, F, F],
  'visit.checkout':             [F, F, ok, S, S, S, S, F, F, F],
  'visit.lateRegister':         [F, F, ELSEWHERE, ok, ok, ok, ok, F, F, F],
  'visit.current':              [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'visit.fileRequest':          [F, F, ok, S, S, S, S, F, F, F],
  'visit.score':                [ok, F, F, F, F, F, F, F, F, F],
  'visit.complain':             [ok, F, F, F, F, F, F, F, F, F],
  'visit.mine':                 [ok, NB, F, F, F, F, F, F, F, F],
  // the closed visit of the department's handler at e-002: the enterprise, the visitor, supervisors
  'visit.get':                  [ok, N, N, N, ok, ok, ok, ok, F, N],
  'visit.list':                 [F, F, ok, ok, ok, ok, ok, ok, F, F],
  'visit.figures':              [F, F, ok, ok, ok, ok, ok, ok, F, F],
  'visit.options':              [F, F, ok, ok, ok, ok, ok, ok, F, F],
  'visit.officerCode':          [F, F, ok, ok, ok, ok, ok, F, F, F],
  // an enterprise checks the official at its door; what it sees of the official's visit depends on who asks
  'visit.checkOfficer':         [ok, ok, ok, ok, ok, ok, ok, ok, F, ok],
  'plan.create':                [F, F, F, F, F, ok, F, F, F, F],
  'plan.list':                  [F, F, F, F, ok, ok, ok, ok, F, F],
  'plan.proposals':             [F, F, F, F, ok, ok, ok, ok, F, F],
  'plan.merge':                 [F, F, F, F, ok, ok, ok, ok, F, F],
  'plan.cancel':                [F, F, F, F, F, ok, F, F, F, F],
};

const CJK = /[\u3400-\u9fff]/;

let snap: Snapshot;
let input: ReturnType<typeof samples>;
beforeAll(async () => {
  snap = await buildWorld();
  input = samples(snap.ids);
});
afterAll(() => snap && removeWorld(snap));

test('every action of the table has a row and a sample input, and every row is an action', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  expect(Object.keys(input).sort()).toEqual([...ACTIONS].sort());
});

describe.each([...ACTIONS])('%s', (action) => {
  test.each(ROLES.map((role, i) => [role, i] as const))('as %s', async (role: Role, i: number) => {
    const row = EXPECTED[action];
    if (!row) throw new Error(`no row for ${action} in EXPECTED: add what each role must get`);
    const want = ([] as Outcome[]).concat(row[i]);
    const copy = openCopy(snap);
    try {
      const r = await copy.call(role, { action, ...input[action] });
      const got: Outcome = r.ok ? 'ok' : r.code;
      if (!want.includes(got)) {
        throw new Error(`${action} as ${role}: expected ${want.join(' or ')}, got ${got}${r.ok ? '' : ` (${r.message})`}`);
      }
      if (!r.ok) {
        // an error carries no data, and a Chinese message
        expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(['code', 'message', 'ok']));
        expect(r).not.toHaveProperty('data');
        expect(r.message).toMatch(CJK);
      }
      const text = JSON.stringify(r);
      expect(text).not.toContain(BOOTSTRAP_CODE);
      assertPlainData(r);
    } finally {
      copy.close();
    }
  });
});

const NOT_ACTIONS = [
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__', 'prototype', '', ' ', 'constructor.name', 'request.delete', 'ACTIONS', 'Me', 'me ', 'admin', 'admin.staff',
  'service', 'console', 'visits', 'sheets', 'assign', 'sweep', 'notify', 'then', 'toJSON',
];

describe('names that are not actions', () => {
  test.each(FUNCTION_NAMES.map((f) => [f]))('are UNKNOWN_ACTION on %s, for any caller', async (fn) => {
    const copy = openCopy(snap);
    try {
      const callers = [null, { openid: openidOf(CALLERS.enterprise) }, { openid: openidOf(CALLERS.dispatcher) }, { openid: openidOf(CALLERS.admin) }];
      for (const name of NOT_ACTIONS) {
        for (const caller of callers) {
          const r = await copy.fns[fn]({ action: name }, caller);
          expect({ name, caller, r }).toMatchObject({ name, caller, r: { ok: false, code: 'UNKNOWN_ACTION' } });
          if (!r.ok) expect(r.message).toMatch(CJK);
          expect(r).not.toHaveProperty('data');
        }
      }
      // a non-string action is no action either
      for (const action of [1, null, true, ['me'], { toString: 'me' }]) {
        expect(await copy.fns[fn]({ action }, { openid: openidOf(CALLERS.admin) })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
      }
    } finally {
      copy.close();
    }
  });

  test('each action is answered by its own function only: on service, console, visits or sheets, another function\'s action is UNKNOWN_ACTION', async () => {
    const copy = openCopy(snap);
    try {
      const admin = { openid: openidOf(CALLERS.admin) };
      expect(SHEET_ACTIONS.length).toBeGreaterThan(0);
      for (const action of ACTIONS) {
        for (const other of (['service', 'console', 'visits', 'sheets'] as const).filter((f) => f !== functionOf(action))) {
          expect({ action, other, r: await copy.fns[other]({ action, ...input[action] }, admin) }).toMatchObject({ action, other, r: { ok: false, code: 'UNKNOWN_ACTION' } });
        }
      }
    } finally {
      copy.close();
    }
  });

  test('the service function without an action, or with one only on the prototype, is UNKNOWN_ACTION', async () => {
    const copy = openCopy(snap);
    try {
      const me = { openid: openidOf(CALLERS.admin) };
      expect(await copy.fns.service({}, me)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
      expect(await copy.fns.service(JSON.parse('{"__proto__":{"action":"me"}}'), me)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
      expect(await copy.fns.service(Object.create({ action: 'me' }), me)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
      for (const odd of [null, undefined, 'me', 42, ['me']]) {
        expect(await copy.fns.service(odd as unknown as Record<string, unknown>, me)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
      }
    } finally {
      copy.close();
    }
  });

  test('"constructor" no longer answers with the context: nothing of the ports, config or notifier leaks', async () => {
    const copy = openCopy(snap);
    try {
      // something for the notifier to have recorded
      await copy.call('officer', { action: 'request.accept', ...input['request.accept'] });
      for (const name of ['constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'toString', '__defineGetter__']) {
        const r = await copy.call('admin', { action: name });
        expect(r).toEqual({ ok: false, code: 'UNKNOWN_ACTION', message: expect.stringMatching(CJK) });
        const text = JSON.stringify(r);
        for (const secret of [BOOTSTRAP_CODE, 'bootstrapAdminCode', 'notifier', 'store', 'openid']) expect(text).not.toContain(secret);
      }
    } finally {
      copy.close();
    }
  });
});

describe('the internal functions', () => {
  test('assign checks requestId: not an id is VALIDATION_FAILED, an unknown id is skipped', async () => {
    const copy = openCopy(snap);
    try {
      for (const requestId of [1, null, true, '', 'x'.repeat(65), ['id1'], { $ne: null }, { __proto__: 'x' }]) {
        const r = await copy.fns.assign({ requestId }, null);
        expect({ requestId, r }).toMatchObject({ r: { ok: false, code: 'VALIDATION_FAILED' } });
        if (!r.ok) expect(r.message).toMatch(CJK);
      }
      expect(await copy.fns.assign({ requestId: 'no-such-request' }, null)).toEqual({ ok: true, data: { outcome: 'skipped' } });
      // a timer tick (CloudBase's event shape) still runs
      expect(await copy.fns.assign({ Type: 'Timer', TriggerName: 'assign', Time: new Date().toISOString() }, null)).toMatchObject({ ok: true });
    } finally {
      copy.close();
    }
  });

  test.each([['assign'], ['notify'], ['sweep']] as const)('%s: only active desk staff or the timer', async (fn) => {
    const copy = openCopy(snap);
    try {
      for (const role of ROLES) {
        const r = await copy.fns[fn]({}, { openid: openidOf(CALLERS[role]) });
        const want = role === 'dispatcher' || role === 'admin' ? 'ok' : 'FORBIDDEN';
        expect({ role, got: r.ok ? 'ok' : r.code }).toEqual({ role, got: want });
      }
      expect(await copy.fns[fn]({}, null)).toMatchObject({ ok: true });
    } finally {
      copy.close();
    }
  });
});

describe('staff write actions cannot probe which ids exist', () => {
  const ID_FIELDS = ['id', 'cardId', 'visitId'] as const;
  const MISSING = 'no-such-record-0000';
  const idActions = () => ACTIONS.filter((a) => ID_FIELDS.some((f) => typeof input[a][f] === 'string'));

  test('every refusal of a real record reads exactly like the answer for a missing one', async () => {
    const checked: string[] = [];
    const callers: Array<[string, string]> = [...ROLES.map((r): [string, string] => [r, CALLERS[r]]), ['street dispatcher', STREET_DISPATCHER]];
    for (const action of idActions()) {
      for (const [label, who] of callers) {
        const copy = openCopy(snap);
        try {
          const real = await copy.call(who, { action, ...input[action] });
          if (real.ok) continue;
          const missingInput = Object.fromEntries(Object.entries(input[action]).map(([k, v]) => [k, (ID_FIELDS as readonly string[]).includes(k) ? MISSING : v]));
          const missing = await copy.call(who, { action, ...missingInput });
          expect({ action, as: label, answer: missing }).toEqual({ action, as: label, answer: real });
          checked.push(`${action}/${label}`);
        } finally {
          copy.close();
        }
      }
    }
    // the street dispatcher's desk actions on a 东城 request are among them
    expect(checked).toEqual(expect.arrayContaining(['desk.verify/street dispatcher', 'card.issue/street dispatcher', 'request.accept/liaison', 'card.accept/officer']));
  });
});

describe('the bootstrap admin code', () => {
  test('is compared in constant time over digests, case and spaces aside', () => {
    expect(matchesBootstrapCode(BOOTSTRAP_CODE, BOOTSTRAP_CODE)).toBe(true);
    expect(matchesBootstrapCode(BOOTSTRAP_CODE, ` ${BOOTSTRAP_CODE.toLowerCase()} `)).toBe(true);
    expect(matchesBootstrapCode(BOOTSTRAP_CODE, BOOTSTRAP_CODE.slice(0, -1))).toBe(false);
    expect(matchesBootstrapCode(BOOTSTRAP_CODE, `${BOOTSTRAP_CODE}X`)).toBe(false);
    expect(matchesBootstrapCode(undefined, '')).toBe(false);
    expect(matchesBootstrapCode('', '')).toBe(false);
    expect(matchesBootstrapCode('   ', '   ')).toBe(false);
  });

  test('makes the first admin through invite.redeem, and only while there is none', async () => {
    const copy = openCopy(snap);
    try {
      // the world has an admin: the code is just a wrong invite code
      expect(await copy.call('wx-someone', { action: 'invite.redeem', code: BOOTSTRAP_CODE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      // no active admin any more (the world's other admin was deactivated)
      await copy.ports.store.collection(C.users).update('u-admin', { $set: { active: false } });
      expect(await copy.call('wx-someone', { action: 'invite.redeem', code: BOOTSTRAP_CODE.toLowerCase() })).toMatchObject({ ok: true, data: { user: { roles: ['admin'] } } });
      // the actions' ports carry no trace of it
      expect(JSON.stringify(await copy.call('wx-someone', { action: 'admin.overview' }))).not.toContain(BOOTSTRAP_CODE);
    } finally {
      copy.close();
    }
  });
});

describe('answers are plain data', () => {
  test('functions, class instances, cycles and the ports are refused', () => {
    const ports = { store: { collection: () => null } };
    expect(() => assertPlainData({ a: [1, 'x', null, true, { b: new Date(0) }] })).not.toThrow();
    expect(() => assertPlainData(Object.assign(Object.create(null), { a: 1 }))).not.toThrow();
    expect(() => assertPlainData({ f: () => 1 })).toThrow(/f: function/);
    expect(() => assertPlainData({ m: new Map() })).toThrow(/Map/);
    expect(() => assertPlainData({ b: Buffer.from('x') })).toThrow(/Buffer/);
    expect(() => assertPlainData({ n: 1n })).toThrow(/bigint/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => assertPlainData(cycle)).toThrow(/too deep/);
    expect(() => assertPlainData({ config: ports }, new Set([ports]))).toThrow(/the context or a port/);
  });
});
