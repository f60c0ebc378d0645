/**
 * Attachments on progress notes, 办结, supplements and card replies (issue 14): checked by the
 * contract's schema (at most 9, each {fileID, name, size, type} with a type its fileID agrees with),
 * only the caller's own uploads, stored with the timeline entry (and the card's reply or progress)
 * and seen by whoever sees that entry. A refused call writes nothing, on the request or the card.
 */
import { C } from '../collections';
import { MAX_ATTACHMENTS } from '../contract/limits';
import { cleanFileName, formatSize, zAttachments } from '../contract/attachments';
import { ProgressInput } from '../contract/handling';
import { problemsOf } from '../contract/schema';
import { devOpenid } from '../seed/demo-district';
import type { SupervisionCard } from '../model';
import { freshEach, submission } from '../../tests/support/harness';

const w = freshEach();
const PDF = 'application/pdf';
/** a file in the caller's own CloudBase folder, as the mini-program uploads it */
const cloudFile = (userId: string, name: string, ext = 'pdf', type = PDF) =>
  ({ fileID: `cloud://env-test.bucket/uploads/${devOpenid(userId)}/f${Math.random().toString(36).slice(2, 10)}.${ext}`, name, size: 2048, type });
/** a file uploaded to the local server by this user (the record the upload route writes) */
async function localFile(userId: string, name: string, type = PDF, ext = 'pdf') {
  const _id = `${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}.${ext}`;
  await w.h.store.collection(C.uploads).add({ _id, ownerId: userId, type, size: 4321, name, createdAt: w.h.clock.now().toISOString() });
  return { fileID: `local://uploads/${_id}`, name, size: 4321, type };
}

describe('the schema', () => {
  test('at most 9, no fileID twice, a type its fileID agrees with, a photo at most 5 MB', () => {
    const one = (i: number) => ({ fileID: `local://uploads/${String(i).padStart(24, '0')}.pdf`, name: `f${i}.pdf`, size: 10, type: PDF });
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: Array.from({ length: MAX_ATTACHMENTS }, (_, i) => one(i)) })).toEqual({});
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => one(i)) })).toEqual({ attachments: '最多添加9个附件' });
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: [one(1), one(1)] })).toEqual({ attachments: '同一附件不能重复添加' });
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: [{ ...one(1), type: 'application/msword' }] })).toEqual({ 'attachments.0.type': '附件类型与文件不符，请重新上传' });
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: [{ ...one(1), type: 'application/x-msdownload' }] })).toEqual({
      'attachments.0.type': '附件只能是 JPG、PNG、WEBP、GIF 图片或 PDF、Word、Excel 文件',
    });
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: [{ ...one(1), size: 11 * 1024 * 1024 }] })).toEqual({ 'attachments.0.size': '附件不能超过10MB' });
    const photo = { fileID: 'local://uploads/000000000000000000000001.jpg', name: '现场.jpg', size: 6 * 1024 * 1024, type: 'image/jpeg' };
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: [photo] })).toEqual({ 'attachments.0.size': '图片不能超过5MB' });
    expect(problemsOf(ProgressInput, { id: 'r1', note: '已联系', attachments: 'x' })).toEqual({ attachments: '附件格式不正确' });
    // none sent: an empty list (clients from before attachments)
    expect(ProgressInput.parse({ id: 'r1', note: '已联系' }).attachments).toEqual([]);
  });

  test('names are kept without paths, control or markup characters, at most 80 characters with their extension', () => {
    expect(cleanFileName('C:\\Users\\a\\盖章函.pdf')).toBe('盖章函.pdf');
    expect(cleanFileName('a\u202egpj.exe')).toBe('agpj.exe');
    expect(cleanFileName('<script>.pdf')).toBe('script.pdf');
    expect(cleanFileName('...')).toBe('附件');
    const long = cleanFileName(`${'很长的文件名'.repeat(30)}.xlsx`);
    expect([...long].length).toBe(80);
    expect(long.endsWith('.xlsx')).toBe(true);
    expect(zAttachments.parse([{ fileID: 'local://uploads/000000000000000000000001.pdf', name: ' a/b.pdf ', size: 3, type: PDF }])[0].name).toBe('b.pdf');
    expect([formatSize(300), formatSize(350 * 1024), formatSize(1.25 * 1024 * 1024)]).toEqual(['1 KB', '350 KB', '1.3 MB']);
  });
});

describe('the request loop', () => {
  async function accepted() {
    const r = await w.assigned();
    await w.h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
    return r;
  }

  test('a progress note and 办结 keep their files with their entries; the enterprise sees them', async () => {
    const r = await accepted();
    const letter = await localFile(r.assigneeId, '供电公司复函（盖章）.pdf');
    const photo = cloudFile(r.assigneeId, '现场照片.jpg', 'jpg', 'image/jpeg');
    await w.h.ok(r.assigneeId, { action: 'request.progress', id: r._id, note: '已到现场勘察', attachments: [letter, photo] });
    const sheet = cloudFile(r.assigneeId, '增容验收单.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await w.h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已完成增容', kind: 'solved', attachments: [sheet] });

    const seen = (await w.h.ok('u-linxiao', { action: 'request.get', id: r._id })).request;
    expect(seen.timeline.find((e: any) => e.type === 'progress')).toMatchObject({ text: '已到现场勘察', attachments: [letter, photo] });
    expect(seen.timeline.find((e: any) => e.type === 'resolved').attachments).toEqual([sheet]);
    // entries without files carry none
    expect(seen.timeline.find((e: any) => e.type === 'accepted').attachments).toBeUndefined();
  });

  test('another user\'s upload, a foreign cloud file or a never-uploaded name is refused, and nothing is written', async () => {
    const r = await accepted();
    const before = await w.snapshot();
    const theirs = await localFile('u-wangfang', '别人的.pdf');
    for (const bad of [theirs, cloudFile('u-wangfang', '别人的.pdf'), { ...theirs, fileID: 'local://uploads/0123456789abcdef01234567.pdf' }, { ...theirs, fileID: 'local://uploads/../app.pdf' }]) {
      const answer = await w.h.call(r.assigneeId, { action: 'request.progress', id: r._id, note: '已到现场勘察', attachments: [bad] });
      expect(answer).toMatchObject({ ok: false, code: expect.stringMatching(/^(FILE_NOT_ALLOWED|VALIDATION_FAILED)$/) });
    }
    expect(await w.h.call(r.assigneeId, { action: 'request.progress', id: r._id, note: '已到现场勘察', attachments: [theirs] }))
      .toMatchObject({ ok: false, code: 'FILE_NOT_ALLOWED', message: '附件无效：只能使用您本人刚上传的附件，请重新上传' });
    const tooMany = Array.from({ length: 10 }, (_, i) => cloudFile(r.assigneeId, `${i}.pdf`));
    expect(await w.h.call(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已完成', attachments: tooMany }))
      .toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('最多添加9个附件') });
    expect(await w.snapshot()).toEqual(before);
  });

  test('the local upload record, not the client, says the name, size and type', async () => {
    const r = await accepted();
    const f = await localFile(r.assigneeId, '真实名称.pdf');
    await w.h.ok(r.assigneeId, { action: 'request.progress', id: r._id, note: '见附件', attachments: [{ ...f, name: '假名字.pdf', size: 1 }] });
    expect((await w.stored(r._id)).timeline.at(-1)!.attachments).toEqual([f]);
  });

  test('the enterprise supplements with its own files only', async () => {
    const r = await accepted();
    await w.h.ok(r.assigneeId, { action: 'request.pause', id: r._id, reason: '请补充设备清单' });
    const list = await localFile('u-linxiao', '设备清单.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx');
    // the officer's upload is not the enterprise's to attach
    const officers = await localFile(r.assigneeId, '承办人的.pdf');
    expect(await w.h.call('u-linxiao', { action: 'request.supplement', id: r._id, note: '清单见附件', attachments: [list, officers] })).toMatchObject({ ok: false, code: 'FILE_NOT_ALLOWED' });
    expect((await w.stored(r._id)).status).toBe('paused');
    await w.h.ok('u-linxiao', { action: 'request.supplement', id: r._id, note: '清单见附件', attachments: [list] });
    const seen = (await w.h.ok(r.assigneeId, { action: 'request.get', id: r._id })).request;
    expect(seen.timeline.at(-1)).toMatchObject({ type: 'supplemented', text: '企业补充材料：清单见附件（附件1个）', attachments: [list] });
  });
});

describe('supervision cards', () => {
  const LEAD = 'u-qianjun'; // 区自然资源局
  const CO = 'u-fengyu'; // 区住房和城乡建设局
  async function issued() {
    const { request } = await w.h.ok('u-linxiao', submission());
    const r = await w.h.ok('u-sunli', { action: 'card.issue', id: request._id, leadDeptId: 'dep-zrzy', coDeptIds: ['dep-zjj'], deadline: '2026-12-04', instructions: '请核实用地手续' });
    await w.h.ok(LEAD, { action: 'card.accept', cardId: r.card._id });
    await w.h.ok(CO, { action: 'card.accept', cardId: r.card._id });
    return { id: request._id as string, cardId: r.card._id as string };
  }
  const card = async (cardId: string) => (await w.h.store.collection<SupervisionCard>(C.cards).get(cardId))!;

  test('a reply, the lead\'s progress and its final answer keep their files on the card and the timeline; the enterprise sees only what it sees', async () => {
    const { id, cardId } = await issued();
    const opinion = cloudFile(CO, '住建局核查意见.pdf');
    const before = await w.snapshot();
    expect(await w.h.call(CO, { action: 'card.reply', cardId, reply: '经核查手续齐全', attachments: [await localFile(LEAD, '牵头的.pdf')] })).toMatchObject({ ok: false, code: 'FILE_NOT_ALLOWED' });
    // the card did not change before the refusal
    expect(await w.snapshot()).toEqual(before);
    await w.h.ok(CO, { action: 'card.reply', cardId, reply: '经核查手续齐全', attachments: [opinion] });
    const photo = cloudFile(LEAD, '现场.png', 'png', 'image/png');
    await w.h.ok(LEAD, { action: 'card.progress', cardId, note: '已现场核实', attachments: [photo] });
    const answer = await localFile(LEAD, '用地批复.pdf');
    await w.h.ok(LEAD, { action: 'card.final', cardId, answer: '已完成用地手续审批', confirm: true, kind: 'solved', attachments: [answer] });

    const c = await card(cardId);
    expect(c.parties.find((p) => p.role === 'co')).toMatchObject({ reply: '经核查手续齐全', replyAttachments: [opinion] });
    expect(c.parties.find((p) => p.role === 'lead')).toMatchObject({ reply: '已完成用地手续审批', replyAttachments: [answer] });
    expect(c.progress![0]).toMatchObject({ text: '已现场核实', attachments: [photo] });

    const desk = await w.h.ok('u-sunli', { action: 'request.get', id });
    expect(desk.card.parties.find((p: any) => p.role === 'co').replyAttachments).toEqual([opinion]);
    expect(desk.request.timeline.find((e: any) => e.type === 'card_replied').attachments).toEqual([opinion]);
    // the enterprise reads the progress and the answer with their files, never the departments' exchange
    const mine = (await w.h.ok('u-linxiao', { action: 'request.get', id })).request;
    expect(mine.timeline.some((e: any) => e.type === 'card_replied')).toBe(false);
    expect(mine.timeline.find((e: any) => e.type === 'card_progress').attachments).toEqual([photo]);
    expect(mine.timeline.find((e: any) => e.type === 'resolved').attachments).toEqual([answer]);
  });
});
