/**
 * request.filedByMe (我代报的诉求): what the caller filed for enterprises (代报, 直通车), newest first, a
 * page at a time, with each one's status, colour and deadline, and how many are in each tab. A CPPCC
 * member follows its filings here: it has no inbox, ledger or dashboard, and reads nothing else. A
 * liaison or grid officer may list its own filings the same way. Each item reads as the enterprise
 * reads it (no internal supervision fields); the detail is request.get, which lets the filer read.
 */
import { FiledByMeInput, FILED_TAB_STATUSES } from '../contract/file-for';
import { OPEN_STATUSES } from '../contract/catalog';
import type { Sent } from '../contract/schema';
import { requireRole, type Ctx } from '../context';
import { summary, enterpriseView } from '../request-record';
import { requestRepo } from '../repos/requests';
import { parseInput } from '../validation';

export async function filedByMe(ctx: Ctx, input: Sent<typeof FiledByMeInput>) {
  requireRole(ctx.user, 'cppcc', 'liaison', 'officer');
  const { tab, page, pageSize } = parseInput(FiledByMeInput, input);
  const requests = requestRepo(ctx.ports.store);
  const me = ctx.user._id;
  const [[items, total], open, answered] = await Promise.all([
    requests.pageOfFiler(me, page, pageSize, FILED_TAB_STATUSES[tab]),
    requests.countOfFiler(me, OPEN_STATUSES),
    requests.countOfFiler(me, FILED_TAB_STATUSES.answered!),
  ]);
  return { items: items.map((r) => enterpriseView(summary(r))), total, page, pageSize, counts: { open, answered, all: open + answered } };
}
