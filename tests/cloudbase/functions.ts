/** What the test bed needs to know about the deployable functions and the mini-program. */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { FunctionConfig } from './testbed';

/** cloudfunctions/<name>/config.json, as CloudBase reads it (timeout defaults to 3 s there) */
export function functionConfig(root: string, name: string): FunctionConfig {
  const file = join(root, 'cloudfunctions', name, 'config.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig) : {};
}

/** every page of the mini-program (src/app.config.ts: pages and subpackage pages), no leading slash */
export function miniProgramPages(root: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { transformSync } = require('esbuild') as typeof import('esbuild');
  const source = readFileSync(join(root, 'src', 'app.config.ts'), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'cjs' });
  const module = { exports: {} as { default?: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> } } };
  // app.config.ts is plain data wrapped in Taro's defineAppConfig
  new Function('module', 'exports', 'defineAppConfig', code)(module, module.exports, (c: unknown) => c);
  const cfg = module.exports.default!;
  return [...cfg.pages, ...(cfg.subPackages ?? []).flatMap((p) => p.pages.map((x) => `${p.root}/${x}`))];
}
