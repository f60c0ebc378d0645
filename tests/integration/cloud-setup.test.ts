/**
 * `npm run cloud:setup` (scripts/cloud-setup.ts): without credentials it prints the whole plan and
 * touches nothing remote (the real script, in a child process where any network connection or
 * loading @cloudbase/manager-node would fail it); with credentials it adds exactly what is missing,
 * against a fake of the manager API, and a second run adds nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudDeclaration, indexName } from '../../core/cloud-declaration';
import { C, INDEXES, SELF_HOSTED_ONLY, UNIQUE_INDEXES } from '../../core/collections';
import { functionTimeoutS } from '../../core/budget';
import { main, type Connect, type Manager } from '../../scripts/cloud-setup';

jest.setTimeout(120_000);

const root = join(__dirname, '..', '..');
const CREDS = { TCB_ENV: 'yszt-test-1a2b3c', TENCENTCLOUD_SECRETID: 'AKIDtest', TENCENTCLOUD_SECRETKEY: 'secret-test' };

async function run(argv: string[], env: Record<string, string | undefined>, connect: Connect) {
  const lines: string[] = [];
  const code = await main(argv, env, (l) => lines.push(l), connect);
  return { code, text: lines.join('\n') };
}

const never: Connect = async () => { throw new Error('connected without being asked to'); };

test('the declaration covers every collection of C (but the self-hosted ones) with its declared indexes', () => {
  const decl = cloudDeclaration();
  const names = decl.collections.map((c) => c.name).sort();
  expect(names).toEqual((Object.values(C) as string[]).filter((n) => !SELF_HOSTED_ONLY.includes(n)).sort());
  for (const c of decl.collections) {
    expect(c.acl).toBe('ADMINONLY');
    expect(c.indexes.map((i) => i.fields.join(','))).toEqual(INDEXES[c.name] ?? []);
    for (const i of c.indexes) expect(i.unique).toBe((UNIQUE_INDEXES[c.name] ?? []).includes(i.fields.join(',')));
  }
  expect(decl.collections.find((c) => c.name === C.requests)!.indexes.find((i) => i.name === 'ix_no')!.unique).toBe(true);
  expect(decl.storageAcl).toBe('READONLY');
  // index names are distinct within a collection
  for (const c of decl.collections) expect(new Set(c.indexes.map((i) => i.name)).size).toBe(c.indexes.length);
});

test('without credentials: the plan names every collection, index, permission and timeout, exit 0, nothing remote', async () => {
  for (const env of [{}, { TCB_ENV: CREDS.TCB_ENV }, { ...CREDS, TENCENTCLOUD_SECRETKEY: '' }]) {
    const { code, text } = await run([], env, never);
    expect(code).toBe(0);
    expect(text).toContain('只打印计划，不连接云开发，不做任何修改');
    const decl = cloudDeclaration();
    for (const c of decl.collections) {
      expect(text).toMatch(new RegExp(`^  ${c.name}(（|$)`, 'm'));
      for (const i of c.indexes) expect(text).toContain(`    ${i.name}  ${i.fields.join(' + ')}${i.unique ? '（唯一）' : ''}`);
    }
    expect(text).toContain('仅管理端可读写');
    expect(text).toContain('云存储权限：所有用户可读，仅创建者可写');
    for (const f of ['service', 'console', 'visits', 'sheets', 'assign', 'notify', 'sweep'] as const) expect(text).toContain(`${f} ${functionTimeoutS(f)} 秒`);
  }
  // --plan: even with credentials
  expect((await run(['--plan'], CREDS, never)).code).toBe(0);
});

test('npm run cloud:setup without credentials prints the plan and exits 0 without loading the manager or opening a connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yszt-setup-'));
  try {
    // any socket, or loading the manager SDK, fails the child loudly
    const guard = join(dir, 'no-remote.cjs');
    writeFileSync(guard, `
      const net = require('node:net'); const Module = require('node:module');
      net.Socket.prototype.connect = function () { throw new Error('NETWORK USED'); };
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (String(request).startsWith('@cloudbase/manager-node')) throw new Error('MANAGER LOADED');
        return load.call(this, request, ...rest);
      };
    `);
    const env: Record<string, string | undefined> = { ...process.env, NODE_OPTIONS: `--require ${guard}` };
    for (const k of Object.keys(CREDS)) delete env[k];
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cloud-setup.ts'], { cwd: root, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/NETWORK USED|MANAGER LOADED/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('只打印计划');
    for (const c of cloudDeclaration().collections) expect(r.stdout).toContain(`  ${c.name}`);
    expect(r.stdout.split('\n').filter((l) => /^ {4}ix_/.test(l))).toHaveLength(cloudDeclaration().collections.reduce((n, c) => n + c.indexes.length, 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** an in-memory environment behind the manager API, recording every change */
function fakeEnvironment(start: { collections?: Record<string, Array<{ Name: string; Unique?: boolean; Keys: Array<{ Name: string; Direction: string }> }>>; timeouts?: Record<string, number> } = {}) {
  const collections = new Map(Object.entries(start.collections ?? {}));
  const timeouts = new Map(Object.entries(start.timeouts ?? {}));
  const changes: string[] = [];
  let storageAcl = 'PRIVATE';
  const acls = new Map<string, string>();
  const manager: Manager = {
    database: {
      createCollectionIfNotExists: async (name) => {
        if (collections.has(name)) return { IsCreated: false };
        collections.set(name, [{ Name: '_id_', Unique: true, Keys: [{ Name: '_id', Direction: '1' }] }]);
        changes.push(`collection ${name}`);
        return { IsCreated: true };
      },
      describeCollection: async (name) => ({ Indexes: collections.get(name) ?? [] }),
      updateCollection: async (name, info) => {
        for (const ix of info.CreateIndexes) {
          collections.get(name)!.push({ Name: ix.IndexName, Unique: ix.MgoKeySchema.MgoIsUnique, Keys: ix.MgoKeySchema.MgoIndexKeys });
          changes.push(`index ${name}.${ix.IndexName}${ix.MgoKeySchema.MgoIsUnique ? ' unique' : ''}`);
        }
      },
    },
    commonService: () => ({
      call: async ({ Action, Param }) => {
        expect(Action).toBe('ModifyDatabaseACL');
        expect(Param.EnvId).toBe(CREDS.TCB_ENV);
        acls.set(String(Param.CollectionName), String(Param.AclTag));
      },
    }),
    storage: { setStorageAcl: async (acl) => { storageAcl = acl; } },
    functions: {
      getFunctionDetail: async (name) => {
        if (!timeouts.has(name)) throw new Error(`ResourceNotFound.Function ${name}`);
        return { Timeout: timeouts.get(name) };
      },
      updateFunctionConfig: async ({ name, timeout }) => { timeouts.set(name, timeout); changes.push(`timeout ${name} ${timeout}`); },
    },
  };
  return { manager, changes, acls, timeouts, collections, storage: () => storageAcl };
}

test('with credentials: creates what is missing (collections, indexes, unique where declared), sets permissions and timeouts; a second run changes nothing', async () => {
  const decl = cloudDeclaration();
  // an environment set up by hand: requests exists with one of its indexes, and a stray index; sweep is deployed with the 3 s default, assign not at all
  const env = fakeEnvironment({
    collections: { requests: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }, { Name: 'nextCheck', Keys: [{ Name: 'nextCheckAt', Direction: '1' }] }, { Name: 'old', Keys: [{ Name: 'foo', Direction: '1' }] }] },
    timeouts: { service: 10, notify: 3, sweep: 3 },
  });
  let connected: unknown = null;
  const connect: Connect = async (config) => { connected = config; return env.manager; };
  const first = await run([], CREDS, connect);
  expect(connected).toEqual({ envId: CREDS.TCB_ENV, secretId: CREDS.TENCENTCLOUD_SECRETID, secretKey: CREDS.TENCENTCLOUD_SECRETKEY });
  expect(first.code).toBe(0);
  const expectCollections = decl.collections.filter((c) => c.name !== C.requests).map((c) => `collection ${c.name}`);
  expect(env.changes.filter((c) => c.startsWith('collection')).sort()).toEqual(expectCollections.sort());
  const expectIndexes = decl.collections.flatMap((c) => c.indexes.filter((i) => !(c.name === C.requests && i.fields.join() === 'nextCheckAt')).map((i) => `index ${c.name}.${i.name}${i.unique ? ' unique' : ''}`));
  expect(env.changes.filter((c) => c.startsWith('index')).sort()).toEqual(expectIndexes.sort());
  expect(env.changes).toContain(`index ${C.enterprises}.${indexName(['creditCode'])} unique`);
  for (const c of decl.collections) expect(env.acls.get(c.name)).toBe('ADMINONLY');
  expect(env.storage()).toBe('READONLY');
  expect(env.changes.filter((c) => c.startsWith('timeout')).sort()).toEqual([`timeout notify ${functionTimeoutS('notify')}`, `timeout sweep ${functionTimeoutS('sweep')}`]);
  expect(first.text).toContain('另有未声明的索引（保留，未删除）：old');
  expect(first.text).toMatch(/云函数 assign 的超时：尚未部署/);
  expect(first.text).toContain('完成：集合、索引、权限与超时均已就绪。');

  env.changes.length = 0;
  const second = await run([], CREDS, async () => env.manager);
  expect(second.code).toBe(0);
  expect(env.changes).toEqual([]);
});

test('with credentials: a failing step and an index whose uniqueness differs are reported, exit 1', async () => {
  const env = fakeEnvironment({ collections: { requests: [{ Name: 'ix_no', Unique: false, Keys: [{ Name: 'no', Direction: '1' }] }] } });
  const update = env.manager.database.updateCollection;
  env.manager.database.updateCollection = async (name, info) => {
    if (name === C.visits) throw new Error('LimitExceeded');
    return update(name, info);
  };
  const r = await run([], CREDS, async () => env.manager);
  expect(r.code).toBe(1);
  expect(r.text).toMatch(/索引 requests\.ix_no：已存在，但唯一性与声明不同（应为唯一）/);
  expect(r.text).toMatch(/索引 visits\.ix_checkinAt_id（checkinAt \+ _id）：失败 LimitExceeded/);
  // the rest went on
  expect(env.acls.get(C.visits)).toBe('ADMINONLY');
  expect(env.storage()).toBe('READONLY');
});
