/**
 * The webpack modules of a weapp build and what each page runs, read from the built files themselves.
 *
 * Taro's weapp output is webpack chunks that push `[chunkIds, { moduleId: function (module, exports,
 * require) {…} }, entry?]` onto `wx.webpackJsonp`; a page's js pushes its own modules and an entry that
 * requires the page module. Shared code (src/shared, src/services) lands in other chunks (sub-common,
 * sub-vendors, common), so a check on "what a page does" has to follow the page module's requires into
 * them. Each chunk is evaluated in an empty sandbox where only the push happens: no module body runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { walkFiles } from './sizes';

export type WebpackModule = { id: string; file: string; source: string; deps: string[] };
export type WeappModules = {
  modules: Map<string, WebpackModule>;
  /** page path (e.g. "subpkg-visit/desk/index") → the module ids its js starts */
  entries: Map<string, string[]>;
};

type Pushed = [unknown, Record<string, (...args: unknown[]) => unknown>, ((...args: unknown[]) => unknown)?];

/** the ids a module body passes to its require parameter (the third one): `n(1234)`, not `x.n(…)` */
function depsOf(source: string): string[] {
  const params = /^(?:function\s*[\w$]*)?\s*\(([^)]*)\)/.exec(source)?.[1].split(',').map((p) => p.trim());
  const req = params?.[2];
  if (!req) return [];
  const escaped = req.replace(/\$/g, '\\$');
  const re = new RegExp(`(?<![\\w$.])${escaped}\\((\\d+)\\)`, 'g');
  return [...new Set([...source.matchAll(re)].map((m) => m[1]))];
}

/** the module ids an entry callback starts: `function(){return t(2634)}` */
function entryIds(entry: (...args: unknown[]) => unknown): string[] {
  const body = /function\s*\(\)\s*\{\s*return\s+([^}]*)\}/.exec(entry.toString())?.[1] ?? '';
  return [...body.matchAll(/\((\d+)\)/g)].map((m) => m[1]);
}

export function loadWeappModules(distDir: string, pages: string[]): WeappModules {
  const modules = new Map<string, WebpackModule>();
  const entries = new Map<string, string[]>();
  const pageOf = new Map(pages.map((p) => [`${p}.js`, p]));
  for (const { rel } of walkFiles(distDir)) {
    if (!rel.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(distDir, rel), 'utf8');
    if (!code.includes('webpackJsonp')) continue;
    const pushed: Pushed[] = [];
    const sandbox = { wx: { webpackJsonp: pushed }, require: () => ({}) };
    vm.runInNewContext(code, sandbox, { filename: rel });
    for (const [, mods, entry] of pushed) {
      for (const [id, fn] of Object.entries(mods ?? {})) {
        const source = fn.toString();
        modules.set(id, { id, file: rel, source, deps: depsOf(source) });
      }
      const page = pageOf.get(rel);
      if (page && entry) entries.set(page, [...(entries.get(page) ?? []), ...entryIds(entry)]);
    }
  }
  return { modules, entries };
}

/** every module a page runs: its entry modules and everything they require, transitively */
export function pageClosure(bundle: WeappModules, page: string): WebpackModule[] {
  const seen = new Set<string>();
  const out: WebpackModule[] = [];
  const stack = [...(bundle.entries.get(page) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const mod = bundle.modules.get(id);
    if (!mod) continue;
    out.push(mod);
    stack.push(...mod.deps);
  }
  return out;
}
