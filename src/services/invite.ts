import { callService } from './call';
import { forgetSession } from './profile';
import type { Answer } from '../../core/contract/answers';

/** the staff member the code opened, as invite.redeem answers it */
export type Redeemed = Answer<'invite.redeem'>;

/** The code as typed: spaces and dashes dropped, upper case. */
export const normalizeInviteCode = (v: string) => v.replace(/[\s-]+/g, '').toUpperCase();
export const isInviteCode = (v: string) => /^[A-Z0-9]{6,12}$/.test(v);

/** Redeem an admin's one-time code: this WeChat identity becomes the invited staff member. */
export async function redeemInvite(code: string): Promise<Redeemed> {
  const res = await callService('invite.redeem', { code: normalizeInviteCode(code) });
  forgetSession();
  return res;
}
