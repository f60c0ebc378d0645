import { beijingDateKey, formatBeijing } from './time';

test('dates are Beijing dates whatever the server zone', () => {
  // 23:30 UTC is 07:30 the next morning in Beijing
  expect(beijingDateKey(new Date('2026-11-23T23:30:00Z'))).toBe('20261124');
  expect(beijingDateKey(new Date('2026-11-23T15:59:59Z'))).toBe('20261123');
  expect(formatBeijing('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05');
});
