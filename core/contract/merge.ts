/**
 * The inputs of 并件 (core/desk/merge.ts, core/desk/duplicate-clusters.ts): the dispatcher's
 * clusters of likely duplicates, a merge into one main request, and undoing one link.
 */
import { z, zId } from './schema';

/** as core/desk/merge-rules.ts MERGE_CAP (the contract bundles without core imports) */
const CAP = 20;

export const DuplicatesInput = z.object({}).passthrough();

export const MergeInput = z
  .object({
    mainId: zId,
    ids: z.array(zId, { required_error: '请选择要并入的诉求', invalid_type_error: '请选择要并入的诉求' }).min(1, '请至少选择一件要并入的诉求').max(CAP, `一次最多并入${CAP}件诉求`),
    note: z.string({ invalid_type_error: '说明格式不正确' }).trim().max(300, '说明不能超过300字').optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.ids.includes(v.mainId)) ctx.addIssue({ code: 'custom', path: ['ids'], message: '主诉求不能并入它自己' });
    if (new Set(v.ids).size !== v.ids.length) ctx.addIssue({ code: 'custom', path: ['ids'], message: '同一件诉求选择了两次' });
  });

/** as core/intake/duplicates.ts MAX_CLUSTER: a cluster's other members at most */
const CLUSTER_OTHERS = 11;

/** 不是重复: the request `id` is not a duplicate of the requests `of` (the rest of its cluster) */
export const NotDuplicateInput = z
  .object({
    id: zId,
    of: z.array(zId, { required_error: '请选择与之比较的诉求', invalid_type_error: '请选择与之比较的诉求' }).min(1, '请至少选择一件诉求').max(CLUSTER_OTHERS, `一次最多标记${CLUSTER_OTHERS}件诉求`),
  })
  .superRefine((v, ctx) => {
    if (v.of.includes(v.id)) ctx.addIssue({ code: 'custom', path: ['of'], message: '诉求不能与它自己比较' });
    if (new Set(v.of).size !== v.of.length) ctx.addIssue({ code: 'custom', path: ['of'], message: '同一件诉求选择了两次' });
  });

export const UnmergeInput = z.object({
  id: zId,
  reason: z.string({ invalid_type_error: '原因格式不正确' }).trim().max(300, '原因不能超过300字').optional().default(''),
});
