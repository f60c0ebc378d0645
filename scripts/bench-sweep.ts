/**
 * Part of `npm run bench`: the deadline sweep's cost per run with 10^5 open requests, and the
 * ledger's first page with counts per colour. Prints figures, asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C, ARRAY_FIELDS, INDEXES } from '../core/collections';
import { createFunctions } from '../core/functions';
import type { ServiceRequest } from '../core/model';
import type { Ports } from '../core/ports';
import { devOpenid, seedDemoDistrict } from '../core/seed/demo-district';
import { loadSla } from '../core/sla/policy';
import { openSqliteStore } from '../adapters/sqlite-store';
import { permissiveContentCheck, recordingNotifier } from '../adapters/local-ports';

const N = Number(process.env.BENCH_OPEN ?? 100_000);

export async function benchSweep() {
  const dir = mkdtempSync(join(tmpdir(), 'yszt-bench-sweep-'));
  const store = openSqliteStore({ file: join(dir, 'app.db'), indexes: INDEXES, arrays: ARRAY_FIELDS });
  let t = new Date('2026-11-23T01:30:00Z'); // Monday 09:30 Beijing
  const ports: Ports = { store, clock: { now: () => t }, notifier: recordingNotifier(), contentCheck: permissiveContentCheck };
  try {
    await seedDemoDistrict(store, t);
    const fns = createFunctions(ports);
    const r = await fns.service(
      { action: 'request.submit', clientKey: 'bench-template', category: 'dianli', description: '基准测试模板诉求', photos: [], phone: '13612340001' },
      { openid: devOpenid('u-linxiao') },
    );
    if (!r.ok) throw new Error(r.message);
    const template = (await store.collection<ServiceRequest>(C.requests).get((r.data as any).request._id))!;
    const { calendar } = await loadSla(ports);

    // 10^5 accepted requests whose next checks are spread over the next 10 working days
    const t0 = performance.now();
    const docs: ServiceRequest[] = [];
    {
      for (let i = 0; i < N; i++) {
        const next = calendar.addWorkingMinutes(t, 1 + ((i * 7919) % (10 * calendar.minutesPerDay))).at;
        const doc = {
          ...template, _id: `bench-${i}`, no: `SQ20261123${String(i).padStart(6, '0')}`, clientKey: `bench-${i}`, status: 'accepted',
          colour: 'green', yellowAt: next.toISOString(), dueAt: calendar.addWorkingDays(next, 1).at.toISOString(), acceptDueAt: null,
          nextCheckAt: next.toISOString(), needsNotify: false, notifiedSeq: template.seq, timeline: template.timeline.slice(0, 2),
        } as ServiceRequest;
        docs.push(doc);
      }
    }
    store.bulkAdd(C.requests, docs);
    console.log(`sweep bench: inserted ${N.toLocaleString()} open requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const timeRun = async (label: string) => {
      const s0 = performance.now();
      const res = await fns.sweep({ Type: 'Timer' }, null);
      const ms = performance.now() - s0;
      const data = res.ok ? (res.data as any) : res;
      console.log(`sweep ${label}: ${ms.toFixed(1)} ms, examined ${data.examined}, colour changes ${data.colourChanges}, urges ${data.urges}${data.examined ? ` (${(ms / data.examined).toFixed(2)} ms per due request)` : ''}`);
    };
    await timeRun('with nothing due (idle run)      ');
    t = calendar.addWorkingMinutes(t, 5).at; // a 5-minute timer interval later
    await timeRun('after a 5-minute interval         ');
    t = calendar.addWorkingMinutes(t, 60).at; // an hour of work later: ~1.4% of requests turn yellow
    await timeRun('after an hour (budget 1000 per run)');
    await timeRun('next run drains the backlog        ');
    await timeRun('again at once (idempotent, no-op)  ');

    // the ledger's first page with counts per colour, as a leader opens it
    const leader = { openid: devOpenid('u-majianguo') };
    for (const label of ['first page + 4 colour counts', 'filtered by colour yellow']) {
      const l0 = performance.now();
      const res = await fns.service({ action: 'ledger.list', ...(label.includes('yellow') ? { colour: 'yellow' } : {}) }, leader);
      const ms = performance.now() - l0;
      const counts = res.ok ? (res.data as any).counts : res;
      console.log(`ledger with ${N.toLocaleString()} requests, ${label}: ${ms.toFixed(1)} ms ${JSON.stringify(counts)}`);
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
