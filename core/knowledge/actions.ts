/**
 * The knowledge base's actions: suggestions while the enterprise types (kb.suggest), the instant
 * answer it counts when an answer settles the question (kb.helped), and the console's upkeep
 * (kb.list, kb.save, kb.remove; an .xlsx import with a dry run is still to come).
 */
import { createHash } from 'crypto';
import { C } from '../collections';
import { type Ctx, hasRole, requireRole } from '../context';
import { categoryName, leafOf, OPEN_STATUSES, STATUSES } from '../contract/catalog';
import { requestRepo } from '../repos/requests';
import { HelpedInput, KbListInput, KbRemoveInput, KbSaveInput, SuggestInput } from '../contract/knowledge';
import type { Sent } from '../contract/schema';
import { AppError } from '../errors';
import { orgById } from '../org-cache';
import { StoreError } from '../ports';
import { beijingDate } from '../time';
import { parseInput } from '../validation';
import { bestEntries, kbIndex, kbRepo, validOn, type KbEntry } from './kb';
import { adminList, requireDepartment, saveEntry, setActive } from './versioned';
import { terms, textIndex } from './text-match';
import type { InstantAnswer } from './instant';

/** fewer characters than this suggest nothing: "用电" alone matches half the base */
export const MIN_SUGGEST_CHARS = 4;

/**
 * kb.suggest: the answers that best match the text, valid today, for anyone signed in (an
 * enterprise on its submit page; staff filing for one), and an enterprise's own open requests that
 * look alike. While the base is unchanged: the base's version and, for an enterprise, one page of its
 * requests (besides the caller's own lookup).
 */
export async function suggestAnswers(ctx: Ctx, input: Sent<typeof SuggestInput>) {
  const { text } = parseInput(SuggestInput, input);
  if ([...text.replace(/\s/g, '')].length < MIN_SUGGEST_CHARS || !terms(text).length) return { answers: [], similar: [] };
  const [b, similar] = await Promise.all([kbIndex(ctx.ports), similarOpenRequests(ctx, text)]);
  const found = bestEntries(b, text, beijingDate(ctx.now));
  const answers = await Promise.all(found.map(async ({ entry }) => ({
    id: entry._id,
    question: entry.question,
    answer: entry.answer,
    category: entry.category,
    categoryName: categoryName(entry.category),
    department: entry.departmentId ? (await orgById(ctx.ports, entry.departmentId))?.name ?? null : null,
  })));
  return { answers, similar };
}

/** an enterprise's own open requests that share this much of the text's pairs are offered for 补充说明 */
export const SIMILAR_MIN_COVER = 0.15;

/**
 * The caller's enterprise's open requests that look like the text (at most two): one read of its
 * latest 50 requests, matched in memory. Staff and enterprise users without an enterprise get none.
 */
async function similarOpenRequests(ctx: Ctx, text: string) {
  if (!hasRole(ctx.user, 'enterprise') || !ctx.user.enterpriseId) return [];
  const open = (await requestRepo(ctx.ports.store).latestOfEnterprise(ctx.user.enterpriseId, 50))
    .filter((r) => (OPEN_STATUSES as string[]).includes(r.status));
  if (!open.length) return [];
  const byId = new Map(open.map((r) => [r._id, r]));
  return textIndex(open.map((r) => ({ id: r._id, title: r.description })))
    .search(text, { limit: 2, minCover: SIMILAR_MIN_COVER })
    .map((m) => byId.get(m.id)!)
    .map((r) => ({ id: r._id, no: r.no, description: r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description, status: r.status, statusName: STATUSES[r.status], createdAt: r.createdAt }));
}

/**
 * kb.helped: "已解决，不用提交" on a suggested answer. Counted once per page key (a double tap or a
 * retry counts once), for an active entry; the text asked is kept so staff see what the answer met.
 */
export async function markHelped(ctx: Ctx, input: Sent<typeof HelpedInput>) {
  requireRole(ctx.user, 'enterprise');
  const { entryId, clientKey, text } = parseInput(HelpedInput, input);
  const entry = await kbRepo(ctx.ports.store).get(entryId);
  if (!entry || !entry.active || !validOn(entry, beijingDate(ctx.now))) throw new AppError('NOT_FOUND', '这条答复已下线，请重新查看或提交诉求');
  const _id = 'ia' + createHash('sha256').update(`${ctx.user._id}\u0000${clientKey}`).digest('hex').slice(0, 24);
  try {
    await ctx.ports.store.collection<InstantAnswer>(C.instantAnswers).add({
      _id, entryId, userId: ctx.user._id, enterpriseId: ctx.user.enterpriseId ?? null, text: text ?? '', at: ctx.now.toISOString(),
    });
  } catch (err) {
    if (err instanceof StoreError && err.code === 'DUPLICATE_ID') return { counted: false };
    throw err;
  }
  return { counted: true };
}

const view = (e: KbEntry) => ({ id: e._id, question: e.question, answer: e.answer, category: leafOf(e.category) ?? 'other', categoryName: categoryName(e.category),
  departmentId: e.departmentId ?? null, phrasings: e.phrasings ?? [], validFrom: e.validFrom ?? null, validTo: e.validTo ?? null, active: e.active, updatedAt: e.updatedAt });

/**
 * kb.list (admin): the entries, latest edit first, a page of 20. With `q`, the best matches for
 * the words instead (the same matcher the enterprise meets, so staff see what it would show).
 */
export async function listKb(ctx: Ctx, input: Sent<typeof KbListInput>) {
  requireRole(ctx.user, 'admin');
  const { page, q, inactive } = parseInput(KbListInput, input);
  return adminList(kbRepo(ctx.ports.store), () => kbIndex(ctx.ports), view, { page, q, inactive });
}

/** kb.save (admin): a new entry, or an edit of one; every instance sees it on its next suggestion */
export async function saveKb(ctx: Ctx, input: Sent<typeof KbSaveInput>) {
  requireRole(ctx.user, 'admin');
  const data = parseInput(KbSaveInput, input);
  await requireDepartment(ctx, data.departmentId);
  const entry = await saveEntry(ctx, kbRepo(ctx.ports.store), data.id, {
    question: data.question, answer: data.answer, category: data.category, departmentId: data.departmentId ?? null,
    phrasings: data.phrasings, validFrom: data.validFrom ?? null, validTo: data.validTo ?? null,
  }, { kind: 'kb', what: '知识库条目', missing: '该条目不存在或已被删除', label: data.question, idPrefix: 'kb' });
  return { entry: view(entry) };
}

/** kb.remove (admin): out of the suggestions, kept on record; `restore` puts it back */
export async function removeKb(ctx: Ctx, input: Sent<typeof KbRemoveInput>) {
  requireRole(ctx.user, 'admin');
  const { id, restore } = parseInput(KbRemoveInput, input);
  return setActive(ctx, kbRepo(ctx.ports.store), id, restore, { kind: 'kb', what: '知识库条目', missing: '该条目不存在或已被删除', label: (e) => e.question });
}
