import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code';
import { makeCreditCode } from '../seed/demo-district';

test('accepts published codes and rejects a changed character', () => {
  // codes printed on real business licences
  for (const code of ['91350100M000100Y43', '91110000802100433B', '91440300708461136T']) expect(isValidCreditCode(code)).toBe(true);
  expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  // I, O, S, V, Z are not in the alphabet
  expect(isValidCreditCode('91350100M000100YO3')).toBe(false);
});

test('check character wraps 31 to 0', () => {
  expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  for (let i = 0; i < 200; i++) expect(isValidCreditCode(makeCreditCode(20_000_000 + i * 131))).toBe(true);
});

test('normalizes what people type', () => {
  expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
});
