/** The service function's supervision-card actions (督办卡), settled like every request change. */
import type { Ctx } from '../context';
import { detailView } from '../queries/read-requests';
import { freed, settleCard } from '../settle';
import {
  acceptCard, closeParty, deadlineCard, finalCard, getCard, issueCard, listCards, progressCard, replyCard, returnCard, urgeCard, withdrawCard,
} from './supervision-card';

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

export const CARD_ACTIONS = {
  'card.issue': async (ctx, input) => {
    const r = await settleCard(ctx, await issueCard(ctx, input));
    await freed(ctx, r);
    return r;
  },
  // the departments' side: accept or return first, then 协办意见 (co) or 办理进展 and 最终答复 (lead)
  'card.list': listCards,
  'card.get': async (ctx, input) => {
    const r = await getCard(ctx, input);
    return { ...r, request: (await detailView(ctx, r.request)).request };
  },
  'card.accept': async (ctx, input) => settleCard(ctx, await acceptCard(ctx, input)),
  'card.reply': async (ctx, input) => settleCard(ctx, await replyCard(ctx, input)),
  'card.progress': async (ctx, input) => settleCard(ctx, await progressCard(ctx, input)),
  'card.final': async (ctx, input) => settleCard(ctx, await finalCard(ctx, input)),
  'card.return': async (ctx, input) => settleCard(ctx, await returnCard(ctx, input)),
  // the dispatcher's side: 催办, 调整期限, 撤回, 结束协办
  'card.urge': async (ctx, input) => settleCard(ctx, await urgeCard(ctx, input)),
  'card.deadline': async (ctx, input) => settleCard(ctx, await deadlineCard(ctx, input)),
  'card.withdraw': async (ctx, input) => settleCard(ctx, await withdrawCard(ctx, input)),
  'card.closeParty': async (ctx, input) => settleCard(ctx, await closeParty(ctx, input)),
} satisfies Record<string, Action>;
