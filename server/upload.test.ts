/**
 * Attachments over HTTP, on the local server as a district runs it: the upload route takes pdf,
 * Word and Excel files by their bytes (a renamed program or text is refused with UNSUPPORTED_FILE,
 * a file over 10 MB or a photo over 5 MB with TOO_LARGE), keeps the sanitised original name, and
 * serves the file back by its unguessable name as a download under that name. A progress note and
 * a supplement carry only their caller's own uploads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer } from './app';
import { fakeClock } from '../adapters/local-ports';
import { functionOf } from '../core/functions';
import { minimalCompound, minimalDocx, minimalPdf, realXlsx } from '../tests/support/sample-files';

jest.setTimeout(120_000);

const root = join(__dirname, '..');
let server: Awaited<ReturnType<typeof startLocalServer>>;
let base = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'yszt-upload-'));
  server = await startLocalServer({
    port: 0, dataDir, h5Dir: join(dataDir, 'no-h5'), functionsDir: join(root, 'cloudfunctions'), timers: false, log: () => {},
    clock: fakeClock('2026-11-23T02:00:00Z'),
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const token = async (userId: string) =>
  ((await (await fetch(`${base}/dev/login`, { method: 'POST', body: JSON.stringify({ userId }) })).json()) as any).data.token as string;

async function upload(tok: string, bytes: Buffer, name: string, type = 'application/octet-stream') {
  const res = await fetch(`${base}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok}`, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
    body: bytes as unknown as BodyInit,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const api = async (tok: string, event: Record<string, unknown>) =>
  (await (await fetch(`${base}/api/${functionOf(event.action)}`, { method: 'POST', headers: { authorization: `Bearer ${tok}` }, body: JSON.stringify(event) })).json()) as any;

test('pdf, doc, docx, xls and xlsx are taken by their bytes, named as sent, and served back as downloads', async () => {
  const tok = await token('u-zhangwei');
  const cases: Array<[Buffer, string, string, string]> = [
    [minimalPdf(), '整改通知（盖章）.pdf', '.pdf', 'application/pdf'],
    [minimalCompound(['WordDocument']), '情况说明.doc', '.doc', 'application/msword'],
    [await minimalDocx(), '复函.docx', '.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    [minimalCompound(['Workbook']), '设备清单.xls', '.xls', 'application/vnd.ms-excel'],
    [await realXlsx(), '用电负荷表.xlsx', '.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ];
  for (const [bytes, name, ext, type] of cases) {
    const r = await upload(tok, bytes, name);
    expect(r.body).toMatchObject({ ok: true, data: { fileID: expect.stringMatching(new RegExp(`^local://uploads/[a-f0-9]{24}\\${ext}$`)), name, size: bytes.length, type } });
    const served = await fetch(base + r.body.data.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe(type);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="${r.body.data.url.slice(7)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  }
  // the extension follows the bytes, and a name with a path or markup is cleaned
  const renamed = await upload(tok, minimalPdf(), '..\\..\\<整改>\u202e报告.docx');
  expect(renamed.body.data).toMatchObject({ name: '整改报告.pdf', type: 'application/pdf' });
  // no name sent: 附件.<ext>
  expect((await upload(tok, minimalPdf(), '')).body.data.name).toBe('附件.pdf');
});

test('a renamed program or text file is refused; too big is 413 with its limit in Chinese', async () => {
  const tok = await token('u-zhangwei');
  const exe = await upload(tok, Buffer.concat([Buffer.from('4d5a9000', 'hex'), Buffer.alloc(300)]), '整改报告.pdf', 'application/pdf');
  expect(exe).toMatchObject({ status: 400, body: { ok: false, code: 'UNSUPPORTED_FILE', message: expect.stringContaining('PDF、Word') } });
  const text = await upload(tok, Buffer.from('只是一段文字'), '复函.docx');
  expect(text.body.code).toBe('UNSUPPORTED_FILE');
  const big = await upload(tok, Buffer.concat([minimalPdf(), Buffer.alloc(10 * 1024 * 1024)]), '大文件.pdf', 'application/pdf');
  expect(big).toMatchObject({ status: 413, body: { code: 'TOO_LARGE', message: '文件不能超过10MB' } });
  // a photo sent as a file is still a photo: 5 MB
  const photo = await upload(tok, Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(6 * 1024 * 1024)]), '现场.pdf', 'application/pdf');
  expect(photo).toMatchObject({ status: 413, body: { code: 'TOO_LARGE', message: '图片不能超过5MB' } });
});

test('a progress note and a supplement carry their caller\'s own files; the enterprise sees them on its request', async () => {
  const ent = await token('u-linxiao');
  const submitted = await api(ent, {
    action: 'request.submit', clientKey: 'k-upload-0001', category: 'dianli', description: '新车间用电增容两周无人联系，影响投产', photos: [], phone: '13612340001',
  });
  const { _id: id, assigneeId } = submitted.data.request;
  const officer = await token(assigneeId);
  const other = await token(assigneeId === 'u-zhangwei' ? 'u-wangfang' : 'u-zhangwei');
  expect((await api(officer, { action: 'request.accept', id })).ok).toBe(true);

  const pdf = (await upload(officer, minimalPdf(), '供电方案（盖章）.pdf')).body.data;
  const attachment = { fileID: pdf.fileID, name: pdf.name, size: pdf.size, type: pdf.type };
  // another officer's upload, even a real one, is not this officer's to attach
  const foreign = (await upload(other, minimalPdf(), '别人的.pdf')).body.data;
  const refused = await api(officer, { action: 'request.progress', id, note: '已现场勘察', attachments: [{ ...attachment, fileID: foreign.fileID }] });
  expect(refused).toMatchObject({ ok: false, code: 'FILE_NOT_ALLOWED', message: expect.stringContaining('附件无效') });

  // the client's word on name, size and type gives way to the upload record
  const ok = await api(officer, { action: 'request.progress', id, note: '已现场勘察，方案见附件', attachments: [{ ...attachment, name: '改过的名字.pdf', size: 1 }] });
  expect(ok.ok).toBe(true);
  const seen = (await api(ent, { action: 'request.get', id })).data.request;
  const entry = seen.timeline.find((e: any) => e.type === 'progress');
  expect(entry.attachments).toEqual([attachment]);

  // the enterprise supplements with a Word file once asked to
  expect((await api(officer, { action: 'request.pause', id, reason: '请补充用电设备清单' })).ok).toBe(true);
  const docx = (await upload(ent, await minimalDocx(), '设备清单.docx')).body.data;
  const sup = await api(ent, { action: 'request.supplement', id, note: '设备清单见附件', attachments: [{ fileID: docx.fileID, name: docx.name, size: docx.size, type: docx.type }] });
  expect(sup.ok).toBe(true);
  const after = (await api(officer, { action: 'request.get', id })).data.request;
  expect(after.timeline.at(-1)).toMatchObject({ type: 'supplemented', text: '企业补充材料：设备清单见附件（附件1个）', attachments: [{ name: '设备清单.docx', type: docx.type }] });
});
