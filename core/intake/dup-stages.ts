/**
 * Where an enterprise stands with a case of its own (a licence, a subsidy, a loan), in its words:
 * asking how or whether to start one (请问流程, 有没有补贴, 想申报), or chasing one under way (进度,
 * 没消息, 还没到账). One enterprise's question about a new application and its chase of an earlier one
 * are two cases even when both name the same kind (its food licence renewed, and a category added to
 * it), which duplicates.ts reads beside the kinds (dup-lexicon.ts).
 */

/** asking how or whether to start a case */
export const DUP_ASKS = [
  '请问流程', '流程是什么', '什么流程', '流程和', '需要什么材料', '需要哪些材料', '要什么材料', '需要的材料', '准备什么材料',
  '怎么申请', '怎么申报', '怎么办理', '怎么办', '如何申请', '如何办理', '如何申报', '在哪里办', '哪个窗口', '去哪办', '去哪里办',
  '有没有政策', '有没有补贴', '有没有什么政策', '有没有相关政策', '有没有支持', '政策支持', '想申请', '想申报', '想报',
  '准备申请', '准备申报', '打算申请', '打算申报', '能不能申请', '可以申请吗', '能申请吗', '符合条件吗', '需要办', '要不要办',
  '申报通知', '什么时候开始申报', '发了没有', '是不是还要',
];

/** chasing a case under way */
export const DUP_CHASES = [
  '进度', '没消息', '没有消息', '没动静', '没有动静', '还没到账', '没到账', '还没批', '没批', '还没有批', '催一下', '催促', '迟迟',
  '到现在还没', '到现在没', '到现在一直', '还没收到', '没收到', '还没结果', '没有结果', '待受理', '卡在', '什么时候能批',
  '什么时候到账', '什么时候能下来', '石沉大海', '没下文', '没人联系', '什么时候来', '还没有审', '还没审', '一直没有回复', '没回复',
];
