/**
 * The local server as shipped: every answer leaves after the commit that holds its work (group commit
 * on a power-cut-safe store), and an action's follow-ups (messages, counting) start after its answer.
 * Read through a second connection to the database file: what another process (or the disk after a
 * power cut) would see.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer } from './app';

const root = join(__dirname, '..');
let dir: string;
let server: Awaited<ReturnType<typeof startLocalServer>>;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yszt-commit-'));
  server = await startLocalServer({ port: 0, dataDir: dir, h5Dir: join(dir, 'no-h5'), functionsDir: join(root, 'cloudfunctions'), timers: false, seed: true, log: () => {} });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = async (userId: string) => ((await (await fetch(`${base}/dev/login`, { method: 'POST', body: JSON.stringify({ userId }) })).json()) as any).data.token as string;
const call = async (token: string, event: object) =>
  (await (await fetch(`${base}/api/service`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(event) })).json()) as any;

test('concurrent submits are each committed before their answer arrives; their follow-ups come after', async () => {
  const token = await login('u-linxiao');
  const reader = new Database(join(dir, 'app.db'), { readonly: true });
  try {
    const committed = (id: string) => reader.prepare('SELECT json_extract(doc, \'$.status\') AS status FROM requests WHERE id = ?').get(id) as { status: string } | undefined;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => call(token, {
      action: 'request.submit', clientKey: `commit-test-${i}`, category: 'dianli', description: `第${i}件：厂区新建车间需要增容用电`, photos: [], phone: '13612340001',
    })));
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    // the moment each answer is in hand, its request is on disk, assigned (read by another connection: committed data only)
    for (const a of answers) expect(committed(a.data.request._id)).toEqual({ status: 'assigned' });
    await server.followUpsIdle();
    const ids = answers.map((a) => a.data.request._id);
    const left = reader.prepare(`SELECT COUNT(*) AS n FROM requests WHERE id IN (${ids.map(() => '?').join(',')}) AND (json_extract(doc, '$.needsNotify') OR json_extract(doc, '$.statsPending'))`).get(...ids) as { n: number };
    expect(left.n).toBe(0);
    const messages = reader.prepare(`SELECT COUNT(*) AS n FROM messages WHERE json_extract(doc, '$.requestId') IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number };
    // each: the enterprise hears of the submit and its assignment in one message, the officer of the new work
    expect(messages.n).toBe(12 * 2);
  } finally {
    reader.close();
  }
});
