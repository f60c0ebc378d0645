/** The visit actions of the service function (registered in core/service.ts). */
import type { Ctx } from '../context';
import { checkin, checkout, closeStaleVisits, join, lateRegister, myOpenVisit, scan } from './checkin';
import { checkOfficer, enterpriseCodeAction, officerCode, poster } from './code-actions';
import { complainVisit, scoreVisit } from './feedback';
import { visitFigures } from './figures';
import { cancelPlan, createPlan, listPlans, listProposals, mergePlans } from './plans';
import { getVisit, listVisits, myVisits, visitOptions } from './queries';
import { fileRequest } from './requests';

export const VISIT_ACTIONS = {
  'visit.code': enterpriseCodeAction,
  'visit.poster': poster,
  'visit.scan': scan,
  'visit.checkin': checkin,
  'visit.join': join,
  'visit.checkout': checkout,
  'visit.lateRegister': lateRegister,
  'visit.current': (ctx) => myOpenVisit(ctx),
  'visit.fileRequest': fileRequest,
  'visit.score': scoreVisit,
  'visit.complain': complainVisit,
  'visit.mine': myVisits,
  'visit.get': getVisit,
  'visit.list': listVisits,
  'visit.figures': visitFigures,
  'visit.options': (ctx) => visitOptions(ctx),
  'visit.officerCode': officerCode,
  'visit.checkOfficer': checkOfficer,
  'plan.create': createPlan,
  'plan.list': listPlans,
  'plan.proposals': (ctx) => listProposals(ctx),
  'plan.merge': mergePlans,
  'plan.cancel': cancelPlan,
} satisfies Record<string, (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>>;

export { closeStaleVisits };
