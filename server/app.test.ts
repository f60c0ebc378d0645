import { toCronerPattern, readTriggers } from './app';
import { join } from 'node:path';

test('CloudBase 7-field cron maps to croner', () => {
  expect(toCronerPattern('0 */1 * * * * *')).toBe('0 */1 * * * *');
  expect(() => toCronerPattern('*/5 * * * *')).toThrow(/7-field/);
});

test('every timer trigger in cloudfunctions/ is found', () => {
  const t = readTriggers(join(__dirname, '..', 'cloudfunctions')).map((x) => `${x.fn}/${x.trigger.name}`).sort();
  expect(t).toEqual(['assign/assignWaiting', 'notify/sendOutbox', 'sweep/sweepDeadlines']);
});
