/**
 * The submit page checks its form with the server's own schema before sending: whatever the page
 * lets through the server takes, and what it refuses the server refuses with the same words.
 */
import fc from 'fast-check';
import { SubmitFields } from './requests';
import { problemsOf } from './schema';
import { SubmitInput } from '../intake/submit';
import { parseInput } from '../validation';
import { AppError } from '../errors';
import { CATEGORY_CODES } from './catalog';

/** the server's answer to a submit with these fields: each field's first message, {} when accepted */
function serverProblems(fields: Record<string, unknown>): Record<string, string> {
  try {
    parseInput(SubmitInput, { ...fields, clientKey: 'form-check-0001' });
    return {};
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION_FAILED') throw e;
    const out: Record<string, string> = {};
    for (const d of e.details ?? []) if (!(d.field in out)) out[d.field] = d.message;
    return out;
  }
}

const form = fc.record({
  category: fc.oneof(fc.constantFrom(...CATEGORY_CODES), fc.constantFrom('', 'nosuch')),
  description: fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: 995, maxLength: 1005 }), fc.constant('  厂区停电  ')),
  phone: fc.oneof(fc.constantFrom('', '13812345678', '010-12345678', '1381234567', ' 13912345678 ', '12345678901'), fc.string({ maxLength: 14 })),
  photos: fc.array(fc.constantFrom('cloud://env/u/a.jpg', 'local://u/b.png', 'http://x/y.jpg'), { maxLength: 4 }),
});

test('the page and the server find the same problems in a submit form, in the same words', () => {
  fc.assert(
    fc.property(form, (f) => {
      expect(problemsOf(SubmitFields, f)).toEqual(serverProblems(f));
    }),
    { numRuns: 500 },
  );
});

test('the words a user reads for the usual mistakes', () => {
  expect(problemsOf(SubmitFields, { category: 'dianli', description: '停电', phone: '', photos: [] })).toEqual({
    description: '问题描述至少5个字',
    phone: '请填写联系电话',
  });
  expect(problemsOf(SubmitFields, { category: 'dianli', description: '厂区经常停电', phone: '138123', photos: [] })).toEqual({
    phone: '联系电话格式不正确（手机号11位，或区号-座机号）',
  });
  expect(problemsOf(SubmitFields, { category: 'dianli', description: '厂区经常停电', phone: '13812345678', photos: [] })).toEqual({});
});
