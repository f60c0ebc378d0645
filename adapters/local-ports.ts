/** Local adapters for development, demos and tests. */
import type { Clock, ContentCheck, Notifier, OutgoingMessage, SendResult } from '../core/ports';

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move. */
export function fakeClock(start: string | Date) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at: string | Date) => { t = new Date(at).getTime(); },
    advance: (ms: number) => { t += ms; },
  };
}

/**
 * Stands in for subscribeMessage.send: records what would have been pushed to WeChat and,
 * when asked, fails the next sends so the retry path can be exercised.
 */
export function recordingNotifier() {
  const sent: OutgoingMessage[] = [];
  let failures: SendResult[] = [];
  const notifier: Notifier & { sent: OutgoingMessage[]; failNext(...r: SendResult[]): void } = {
    sent,
    failNext: (...r) => { failures = failures.concat(r); },
    async send(message) {
      const f = failures.shift();
      if (f) return f;
      sent.push(message);
      return { ok: true };
    },
  };
  return notifier;
}

/** Local mode has no WeChat content-safety service; everything passes. */
export const permissiveContentCheck: ContentCheck = { check: async () => ({ ok: true }) };
