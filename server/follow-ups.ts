/**
 * The local server's follow-up runner (core/settle.ts): an action's counting, notifications and
 * waiting-request assignment start right after its answer is written, a few at a time, never
 * inside the user's request. The marks they consume are on the documents, so a crash or a stop
 * loses nothing: the timers finish it, as they do what a burst leaves beyond `maxWaiting`. `idle()`
 * waits for what was queued (close, tests).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FollowUpHost } from '../core/functions';

/**
 * Marks work that runs beside the requests rather than for one (follow-ups, timer ticks): the store
 * cuts only such work into slices (adapters/sqlite-store.ts `sliceable`), so a request's unit of
 * work runs whole in one turn of the event loop while background work gives way every few ms.
 */
const background = new AsyncLocalStorage<true>();
export const inBackground = (): boolean => background.getStore() === true;
export const runInBackground = <T>(work: () => Promise<T>): Promise<T> => background.run(true, work);

export function followUpQueue(limit = 2, maxWaiting = 5000): { host: FollowUpHost; idle: () => Promise<void>; pending: () => number } {
  const waiting: Array<() => Promise<void>> = [];
  let running = 0;
  let onIdle: Array<() => void> = [];
  const settleIdle = () => {
    if (running || waiting.length) return;
    const list = onIdle;
    onIdle = [];
    list.forEach((f) => f());
  };
  const pump = () => {
    while (running < limit && waiting.length) {
      const job = waiting.shift()!;
      running++;
      // runFollowUps never throws; the catch is for a bug in it, which must not stop the queue
      runInBackground(job).catch((e) => console.error('[follow-up]', e)).finally(() => {
        running--;
        pump();
        settleIdle();
      });
    }
  };
  return {
    // after the answer: the handler has returned and the response is on its way before this runs
    host: (run) => {
      // a burst the queue cannot keep up with: what does not fit is left to the timers, which read the same marks
      if (waiting.length >= maxWaiting) return;
      waiting.push(run);
      setImmediate(pump);
    },
    idle: () => (running || waiting.length ? new Promise<void>((ok) => onIdle.push(ok)) : Promise.resolve()),
    pending: () => running + waiting.length,
  };
}
