/*
 * Runs in a child process under one of CloudBase's Node.js runtimes (tests/runtime/cloudbase-runtimes.test.ts).
 * Plain JavaScript that Node 16.13 runs as it is.
 *
 * It creates the CloudBase test bed from its bundle, puts it where the shim
 * node_modules/wx-server-sdk/index.js finds it (so the built functions' require('wx-server-sdk')
 * gets it, with all state in this process), loads cloudfunctions/<name>/index.js exactly as built,
 * and drives one request around the loop through the functions' main: as the enterprise, as the
 * assigned officer and as the timers, each call inside its function's config.json timeout.
 *
 *   node driver.js <job.json> <result.json>
 */
'use strict';
const fs = require('fs');
const path = require('path');

const [jobFile, resultFile] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(jobFile, 'utf8'));
const { createTestBed } = require(job.testbed);

const bed = createTestBed({ latencyMs: job.latencyMs, pages: job.pages, env: job.env });
global.__CLOUDBASE_TESTBED__ = bed;
// the unique indexes npm run cloud:setup creates (core/collections.ts UNIQUE_INDEXES)
for (const [collection, list] of Object.entries(job.uniqueIndexes || {})) for (const fields of list) bed.createIndex(collection, fields.split(','), { unique: true });
bed.importState(job.state);
for (const [openid, templateId] of job.consents) bed.consent(openid, templateId, Infinity);

const result = { node: process.version, loadMs: {}, steps: [], error: null };
const mains = {};
for (const name of job.names) {
  const t0 = Date.now();
  mains[name] = require(path.join(job.functionsDir, name, 'index.js')).main;
  result.loadMs[name] = Date.now() - t0;
  if (typeof mains[name] !== 'function') throw new Error(`cloudfunctions/${name}/index.js exports no main`);
}

const timer = (trigger) => ({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString(), Message: '' });

async function call(step, fn, event, openid) {
  const calls0 = bed.calls.total;
  const t0 = Date.now();
  const entry = { step, fn, openid: openid || null, timeoutS: (job.configs[fn] && job.configs[fn].timeout) || 3 };
  result.steps.push(entry);
  try {
    const answer = await bed.invoke(fn, mains[fn], event, { openid, config: job.configs[fn] });
    entry.ok = !!(answer && answer.ok);
    if (answer && !answer.ok) entry.answer = answer;
    return answer;
  } catch (e) {
    entry.thrown = String((e && e.message) || e);
    throw new Error(`${step}: ${entry.thrown}`);
  } finally {
    entry.ms = Date.now() - t0;
    entry.calls = bed.calls.total - calls0;
  }
}

function must(answer, step) {
  if (!answer || !answer.ok) throw new Error(`${step} answered ${JSON.stringify(answer)}`);
  return answer.data;
}

async function main() {
  const ent = job.enterprise;
  must(await call('enterprise: me', 'service', { action: 'me' }, ent), 'me');
  const submitted = must(await call('enterprise: request.submit', 'service', {
    action: 'request.submit', clientKey: `rt-${process.versions.node.replace(/\./g, "_")}-${Date.now().toString(36)}`, category: 'dianli',
    description: '厂区新建车间需要增容用电，报装申请提交两周仍无人联系。', photos: [], phone: '13612340001',
  }, ent), 'submit');
  const id = submitted.request._id;
  result.requestId = id;
  must(await call('timer: assign', 'assign', timer('assignWaiting'), null), 'assign timer');
  const assigned = must(await call('enterprise: request.get', 'service', { action: 'request.get', id }, ent), 'get').request;
  result.assigneeId = assigned.assigneeId;
  if (!assigned.assigneeId) throw new Error(`not assigned after the assign timer: ${JSON.stringify(assigned)}`);
  const officer = `dev-${assigned.assigneeId}`;
  // the desk's duplicate clusters read the duplicate lexicon, which the sheets bundle carries compressed
  const dups = must(await call('dispatcher: desk.duplicates', 'sheets', { action: 'desk.duplicates' }, 'dev-u-sunli'), 'duplicates');
  result.duplicates = { scanned: dups.scanned, clusters: Array.isArray(dups.clusters) };
  must(await call('officer: officer.inbox', 'service', { action: 'officer.inbox', tab: 'todo' }, officer), 'inbox');
  must(await call('officer: request.accept', 'service', { action: 'request.accept', id }, officer), 'accept');
  must(await call('officer: request.resolve', 'service', { action: 'request.resolve', id, result: '已联系供电公司完成增容' }, officer), 'resolve');
  must(await call('enterprise: request.confirm', 'service', { action: 'request.confirm', id, score: 5, comment: '很及时' }, ent), 'confirm');
  result.notify = must(await call('timer: notify', 'notify', timer('sendOutbox'), null), 'notify timer');
  result.sweep = must(await call('timer: sweep', 'sweep', timer('sweepDeadlines'), null), 'sweep timer');
  result.final = must(await call('enterprise: request.get (final)', 'service', { action: 'request.get', id }, ent), 'final get').request.status;
  result.messages = must(await call('enterprise: messages.list', 'service', { action: 'messages.list' }, ent), 'messages').items.map((m) => m.title);
  // the spreadsheet work is its own function: the dispatcher exports the ledger through sheets (exceljs, whole-workbook writes)
  const exported = must(await call('dispatcher: ledger.export', 'sheets', { action: 'ledger.export' }, 'dev-u-sunli'), 'ledger export');
  result.exported = { finished: exported.finished === true, rows: exported.rows, url: typeof exported.url === 'string' && exported.url.length > 0 };
}

main()
  .catch((e) => {
    result.error = String((e && e.stack) || e);
  })
  .then(() => {
    const db = bed.sdk.database();
    return db.collection('outbox').limit(1000).get().then((r) => {
      result.outbox = r.data.map((o) => ({ template: o.template, status: o.status, lastError: o.lastError || null }));
    }, () => undefined);
  })
  .then(() => {
    result.sent = bed.wechat.sent;
    result.timeouts = bed.timeouts;
    result.calls = bed.calls;
    fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
    // the bundles keep nothing open; exit anyway in case a timed-out call still runs
    process.exit(0);
  });
