/**
 * The domain's modules import each other in one direction: no cycle, type-only imports included
 * (a cycle through types still ties two concepts together; model.ts and the stats modules once were).
 * And core/contract, which the mini-program bundles, imports no value from outside itself but zod and dayjs
 * (answers.ts reads the server's answer types: types only, erased before bundling).
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const CORE = __dirname;

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return modules(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/g;

/** what a module imports; `values`: leave out `import type` (erased, it reaches no bundle) */
function importsOf(file: string, opts: { values?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (opts.values && /^\s*import\s+type\b/.test(m[0])) continue;
    out.push(m[1]);
  }
  return out;
}

function localTarget(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(file), spec));
  for (const c of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(c)) return c;
  return null;
}

test('no module of core/ reaches itself through its imports', () => {
  const files = modules(CORE);
  const graph = new Map(files.map((f) => [f, importsOf(f).map((s) => localTarget(f, s)).filter((t): t is string => !!t)]));
  // depth-first search; a grey node met again closes a cycle
  const state = new Map<string, 'grey' | 'black'>();
  const cycles: string[] = [];
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'grey');
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'grey') cycles.push([...stack.slice(stack.indexOf(t)), t].map((x) => relative(CORE, x)).join(' → '));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'black');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  expect(cycles).toEqual([]);
  expect(files.length).toBeGreaterThan(100);
});

test('core/contract imports only itself, zod and dayjs (the mini-program bundles it); types may come from anywhere', () => {
  const outside: string[] = [];
  for (const f of modules(join(CORE, 'contract'))) {
    for (const spec of importsOf(f, { values: true })) {
      const t = localTarget(f, spec);
      const inside = t ? t.startsWith(join(CORE, 'contract')) : ['zod', 'dayjs', 'dayjs/plugin/utc'].includes(spec);
      if (!inside) outside.push(`${relative(CORE, f)} imports ${spec}`);
    }
  }
  expect(outside).toEqual([]);
});
