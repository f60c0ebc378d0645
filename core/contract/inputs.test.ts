/**
 * Every action's input is declared by its use case (input: Sent<typeof Schema>, core/contract/schema.ts),
 * so the pages' calls are typed by it (src/services/call.ts callService) and a form can check with the
 * same schema before sending. Checked at compile time (npm test runs tsc first): UntypedActions lists
 * the actions whose use case still takes `input: unknown`, and it must be empty. The runtime half:
 * every schema the contract exports is a zod schema that rejects garbage with Chinese words.
 */
import type { Input, UntypedActions } from './answers';
import * as account from './account';
import * as admin from './admin';
import * as desk from './desk';
import * as figures from './figures';
import * as handling from './handling';
import * as requests from './requests';
import * as visitInputs from './visit-inputs';
import { problemsOf, z } from './schema';

// compile-time: an action left untyped makes this line a type error (the name shows in the message)
const noneUntyped: [UntypedActions] extends [never] ? true : { untyped: UntypedActions } = true;

// compile-time: the input types are the schemas' (a page sending a wrong field does not compile)
const progress: Input<'request.progress'> = { id: 'r1', note: '已联系企业' };
// @ts-expect-error a field the schema does not take
const wrong: Input<'request.progress'> = { id: 'r1', notes: '已联系企业' };
// @ts-expect-error an action that takes no input takes no fields
const extra: Input<'me'> = { id: 'x' };

test('the contract declares every action input (checked by tsc) and its examples type as they should', () => {
  expect(noneUntyped).toBe(true);
  expect([progress, wrong, extra]).toHaveLength(3);
});

const schemas = Object.entries({ ...account, ...admin, ...desk, ...figures, ...handling, ...requests, ...visitInputs }).filter(([name, v]) => name.endsWith('Input') && v instanceof z.ZodType);

test.each(schemas.map(([name, s]) => [name, s as z.ZodTypeAny]))('%s refuses a non-object and says why in Chinese', (_name, schema) => {
  for (const garbage of [42, 'x', [1], null]) {
    const problems = problemsOf(schema, garbage === null ? { __proto__: null, nonsense: true, id: 42, page: 'x' } : garbage);
    const messages = Object.values(problems);
    // an all-optional schema may accept {} (null becomes {}), but never a number, a string or an array
    if (garbage !== null) expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fa5]/);
  }
});

test('there are schemas to check', () => {
  expect(schemas.length).toBeGreaterThan(60);
});
