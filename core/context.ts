/** What every use case receives: the ports, the instant it runs at, and who is calling. */
import { randomBytes } from 'crypto';
import type { Role } from './contract/catalog';
import { AppError } from './errors';
import type { User } from './model';
import type { Ports } from './ports';


export type Ctx = {
  ports: Ports;
  now: Date;
  user: User;
  /** does this code match the deployment's bootstrap admin code (constant time); the code itself stays out of reach */
  isBootstrapCode?: (code: string) => boolean;
  /**
   * Work that follows the action but is not part of its answer (counting, notifications, letting
   * waiting requests in): queued here, run by the host after the answer (FollowUpHost in
   * core/function-shell.ts). The marks it consumes were written with the change, so a follow-up that
   * never runs is done by the timers instead. Absent outside the action functions: then the work
   * runs at once.
   */
  later?: (work: FollowUp) => void;
};

/** one piece of follow-up work; it reads the clock itself, as it may run a moment after the action */
export type FollowUp = (ports: Ports) => Promise<unknown>;

export function newId(ports: Ports): string {
  return ports.newId ? ports.newId() : randomBytes(12).toString('hex');
}

export function hasRole(user: User, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

export function requireRole(user: User, ...roles: Role[]): void {
  if (!user.active) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
  if (!hasRole(user, ...roles)) throw new AppError('FORBIDDEN', '当前账号无权进行此操作');
}
