/** The service function's supervision-card actions (督办卡), settled like every request change. */
import type { Ctx } from '../context';
import { detailView } from '../queries/read-requests';
import { freed, settleCard } from '../settle';
import { acceptCard, getCard, issueCard, listCards, replyCard, returnCard } from './supervision-card';

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

export const CARD_ACTIONS: Record<string, Action> = {
  'card.issue': async (ctx, input) => {
    const r = await settleCard(ctx, await issueCard(ctx, input));
    await freed(ctx, r);
    return r;
  },
  'card.list': listCards,
  'card.get': async (ctx, input) => {
    const r = await getCard(ctx, input);
    return { ...r, request: (await detailView(ctx, r.request)).request };
  },
  'card.accept': async (ctx, input) => settleCard(ctx, await acceptCard(ctx, input)),
  'card.reply': async (ctx, input) => settleCard(ctx, await replyCard(ctx, input)),
  'card.return': async (ctx, input) => settleCard(ctx, await returnCard(ctx, input)),
};
