/**
 * Where an enterprise stands with a case of its own (a licence, a subsidy, a loan), in its words:
 * asking how or whether to start one (请问流程, 有没有补贴, 想申报), or chasing one under way (进度,
 * 没消息, 还没到账). One enterprise's question about a new application and its chase of an earlier one
 * are two cases even when both name the same kind (its food licence renewed, and a category added to
 * it), which duplicates.ts reads beside the kinds (dup-lexicon.ts). And an enterprise that is itself
 * the one complained about or ordered to put something right (被居民投诉有异味, 要求我们停产整改) speaks of
 * its own case, not of the smell its neighbours report; so does one whose blocked drain is inside its
 * own premises.
 */

/** asking how or whether to start a case */
export const DUP_ASKS = [
  '申报指南', '请问流程', '流程是什么', '什么流程', '流程和', '需要什么材料', '需要哪些材料', '要什么材料', '需要的材料', '准备什么材料',
  '怎么申请', '怎么申报', '怎么办理', '怎么办', '怎么报名', '哪下载', '哪里下载', '啥时候申报', '什么时候申报', '如何申请', '如何办理', '如何申报', '在哪里办', '哪个窗口', '去哪办', '去哪里办',
  '有没有政策', '有没有补贴', '有没有什么政策', '有没有相关政策', '有没有支持', '政策支持', '想申请', '想申报', '想报',
  '准备申请', '准备申报', '打算申请', '打算申报', '能不能申请', '可以申请吗', '能申请吗', '符合条件吗', '需要办', '要不要办',
  '申报通知', '有什么区别', '需要先有', '需要重新做吗', '要重新做吗', '还是备案就行', '什么时候开始申报', '申报什么时候开始', '有没有辅导', '什么时候开始报', '赶不上', '还能报吗', '还能申报吗', '发了没有', '是不是还要', '提交什么材料', '要提交什么', '想问问', '想先问问', '先问问', '需要准备什么', '需要准备哪些', '要准备哪些', '需要变更吗', '在哪个系统', '哪个系统里', '哪个银行办', '具体在哪', '牵个线', '补贴吗', '补助吗', '政策吗', '支持吗',
  // whether its own case qualifies (能不能算设备更新, 能不能享受贴息)
  '能不能算', '能不能享受', '能享受吗',
];

/** chasing a case under way */
export const DUP_CHASES = [
  '进度', '交上去', '已经提交', '已提交', '提交了', '还没出来', '结果还没', '未拨付', '没拨付', '还没拨', '什么时候拨付', '啥时候拨付', '什么时候发', '啥时候发', '没消息', '没有消息', '没动静', '没有动静', '还没到账', '没到账', '还没批', '没批', '还没有批', '催一下', '催促', '迟迟',
  '到现在还没', '到现在没', '到现在一直', '还没收到', '没收到', '还没结果', '没有结果', '待受理', '卡在', '什么时候能批',
  '什么时候到账', '什么时候能下来', '石沉大海', '没下文', '没人联系', '什么时候来', '还没有审', '还没审',
];

/** the enterprise is the one complained about, or the one ordered to put something right */
export const DUP_ACCUSED = [
  '被投诉', '被举报', '被居民投诉', '被附近居民', '被附近小区', '被小区投诉', '被周边居民', '被人投诉', '被人举报', '投诉我们', '举报我们', '要求我们整改', '检查说我们',
  '责令我们', '责令停产', '责令整改', '勒令', '给我们下了整改', '处罚我们', '罚了我们', '对我们罚款',
];

/**
 * waiting for an answer to a question (还没答复, 没人回我): the follow-up of a question as much as of
 * an application, so such a text is at neither stage
 */
export const DUP_AWAITS_ANSWER = ['还没答复', '没有答复', '没答复', '没人回', '没回复', '没有回复', '没人答复', '没给答复', '没给个准话', '没回音'];

/** the problem is inside the enterprise's own premises, its own to fix (院内的污水管, 归我们自己管; 下水道 reads as 污水井 once rewritten) */
export const DUP_OWN_PREMISES = ['房顶漏', '屋顶漏', '屋面漏', '卫生间的水管', '进水管冻', '出水管冻', '泵房冻', '消防水管冻', '自己关了阀门', '自己找人修', '进户线', '一开就跳', '那路电', '暖气片刚换', '暖器片刚换', '放完气', '放了气还', '我司院子', '院子地势低', '自己改排水', '接到市政管网', '接入市政管网', '我们自己厂区', '自己厂区的', '自己的厂区', '自费', '车间里的', '厂里的管', '我们厂房的', '院内的', '院里的管子', '归我们自己管', '我们自己管', '厂区里面自己的', '我们自己的排水', '我们自己的管', '厂内管网', '内部管网', '自己那条线', '让我们自己换', '我们自己的线路', '院子里的污水井', '院子里的管', '厂区里面雪', '厂区里的雪', '院子里的雪'];
