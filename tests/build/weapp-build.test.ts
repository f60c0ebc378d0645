/**
 * Checks on the WeChat mini-program build (dist/weapp, made by `npm run build:weapp`; `npm test` builds first)
 * and on the cloud functions DevTools uploads next to it (cloudfunctions/, made by `npm run build:functions`).
 *
 * app.json and every page json go through the same checks WeChat DevTools runs when it opens the project,
 * taken offline from miniprogram-ci: getAppJSON / getPageJSON on a ci.Project opened at the repository root
 * (JSON schema validation plus DevTools' own rules: every page has its .wxml and .js, subpackage roots are
 * folders, usingComponents resolve). The project "attr" that miniprogram-ci would fetch from WeChat's servers
 * is replaced by its own built-in default, so nothing here goes on the network.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinModules } from 'node:module';
import * as ci from 'miniprogram-ci';
import { LIMITS, kib, weappSizes } from './sizes';
import { builtFiles } from '../support/function-files';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/weapp');
const APP_JSON = path.join(DIST, 'app.json');
const FN_ROOT = path.join(ROOT, 'cloudfunctions');

const NOT_BUILT =
  `dist/weapp/app.json not found: the weapp build is missing. Run \`npm run build:weapp\` ` +
  '(or `npm test`, which runs `npm run build` first) before the build checks.';

type SubPackage = { root: string; pages: string[]; name?: string; independent?: boolean };
type AppJson = { pages: string[]; subPackages?: SubPackage[]; subpackages?: SubPackage[]; [k: string]: unknown };

const built = fs.existsSync(APP_JSON);
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const app: AppJson | null = built ? readJson(APP_JSON) : null;
const subPackages: SubPackage[] = (app && (app.subPackages ?? app.subpackages)) || [];
/** every page path as WeChat resolves it: main pages as written, subpackage pages as root + page */
const allPages: string[] = app
  ? [...app.pages, ...subPackages.flatMap((s) => s.pages.map((p) => path.posix.join(s.root, p)))]
  : [];

function requireBuild(): AppJson {
  if (!app) throw new Error(NOT_BUILT);
  return app;
}

/**
 * A miniprogram-ci project that works offline. CIProject asks WeChat's servers for the appid's "attr"
 * (package limits and the like) the first time a check needs it; an `attr` function on the options is used
 * instead when present, and DefaultProjectAttr is what miniprogram-ci itself falls back to.
 */
function offlineProject(projectPath: string, ignores: string[] = []) {
  const options = {
    appid: readJson(path.join(projectPath, 'project.config.json')).appid || 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKey: 'offline-schema-checks-only', // required by the constructor; only used to sign server calls
    ignores,
    attr: async () => ci.DefaultProjectAttr,
  };
  return new ci.Project(options as unknown as ConstructorParameters<typeof ci.Project>[0]);
}

/** The project exactly as DevTools opens it: the repository root, whose project.config.json points at dist/weapp/. */
function repoProject() {
  // only the mini-program root and project.config.json matter; skip scanning the rest of the repo
  const ignores: string[] = [];
  for (const e of fs.readdirSync(ROOT, { withFileTypes: true })) {
    if (e.name === 'project.config.json' || e.name === 'dist') continue;
    ignores.push(e.isDirectory() ? `${e.name}/**` : e.name);
  }
  for (const e of fs.readdirSync(path.join(ROOT, 'dist'), { withFileTypes: true })) {
    if (e.name !== 'weapp') ignores.push(e.isDirectory() ? `dist/${e.name}/**` : `dist/${e.name}`);
  }
  return offlineProject(ROOT, ignores);
}

/** miniprogram-ci logs its own failures with console.error; keep expected failures out of the test output. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

describe('dist/weapp layout', () => {
  test('app.json exists', () => {
    if (!built) throw new Error(NOT_BUILT);
    expect(Array.isArray(requireBuild().pages)).toBe(true);
    expect(allPages.length).toBeGreaterThan(0);
  });

  test('every page (main package and subpackages) has its .js, .json and .wxml', () => {
    requireBuild();
    const missing: string[] = [];
    for (const page of allPages) {
      for (const ext of ['.js', '.json', '.wxml']) {
        if (!fs.existsSync(path.join(DIST, page + ext))) missing.push(page + ext);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every subpackage root is a folder in dist/weapp', () => {
    requireBuild();
    for (const s of subPackages) expect(fs.statSync(path.join(DIST, s.root)).isDirectory()).toBe(true);
  });
});

describe("WeChat's own checks (miniprogram-ci, offline)", () => {
  afterEach(() => ci.clearCache());

  test('project.config.json passes the projectconfig schema', () => {
    const result = ci.schemaValidate('projectconfig', readJson(path.join(ROOT, 'project.config.json')));
    expect(result.error).toEqual([]);
  });

  test('app.json passes the app.json schema with no unknown fields', () => {
    const result = ci.schemaValidate('app', requireBuild());
    expect(result.error).toEqual([]);
    expect(result.warning).toBe('');
  });

  test('app.json passes the DevTools app.json checks (schema, page files, subpackages)', async () => {
    requireBuild();
    const checked = (await ci.getAppJSON(repoProject())) as unknown as AppJson;
    expect(checked.pages).toEqual(app!.pages);
    expect(checked.__warning__).toBeUndefined();
  });

  test('every page json passes the page.json schema and the DevTools page checks', async () => {
    requireBuild();
    const project = repoProject();
    const miniprogramRoot = readJson(path.join(ROOT, 'project.config.json')).miniprogramRoot;
    const failures: string[] = [];
    for (const page of allPages) {
      const raw = readJson(path.join(DIST, `${page}.json`));
      const schema = ci.schemaValidate('page', raw);
      if (schema.error.length || schema.warning) failures.push(`${page}.json schema: ${JSON.stringify(schema)}`);
      try {
        const checked = (await ci.getPageJSON(project, { miniprogramRoot, pagePath: page })) as unknown as Record<string, unknown>;
        // a page json that cannot be found is silently treated as {}: make sure the checker read this one
        for (const [k, v] of Object.entries(raw)) if (k !== 'usingComponents') expect(checked[k]).toEqual(v);
      } catch (e) {
        failures.push(`${page}.json: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('the schema validation rejects a broken app.json and page json', () => {
    const brokenApp = {
      pages: 'pages/index/index', // must be an array
      window: { navigationBarTextStyle: 'red', enablePullDownRefresh: 'yes' }, // enum / boolean
      subPackages: [{ pages: ['a/index'] }], // root is required
    };
    const appResult = ci.schemaValidate('app', brokenApp);
    expect(appResult.error.map((e) => e.errorProperty).sort()).toEqual(
      ['pages', 'subPackages[0]', 'window.enablePullDownRefresh', 'window.navigationBarTextStyle'].sort(),
    );
    expect(ci.schemaValidate('app', { pages: ['pages/index/index'], notAField: 1 }).warning).toMatch(/notAField/);

    const pageResult = ci.schemaValidate('page', { usingComponents: [], disableScroll: 'no' });
    expect(pageResult.error.map((e) => e.errorProperty).sort()).toEqual(['disableScroll', 'usingComponents']);
  });

  test('the DevTools checks reject a broken app.json and a page without its .wxml', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-broken-'));
    try {
      const write = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      };
      write('project.config.json', JSON.stringify({ miniprogramRoot: 'mp/', appid: 'touristappid', compileType: 'miniprogram' }));
      write('mp/app.js', 'App({})');
      write('mp/app.json', JSON.stringify({ pages: 'pages/index/index' }));
      await expect(quietly(() => ci.getAppJSON(offlineProject(dir)))).rejects.toThrow(/pages/);
      ci.clearCache();

      write('mp/app.json', JSON.stringify({ pages: ['pages/index/index'] }));
      write('mp/pages/index/index.js', 'Page({})');
      await expect(quietly(() => ci.getAppJSON(offlineProject(dir)))).rejects.toThrow(/pages\/index\/index\.wxml/);
      ci.clearCache();

      write('mp/pages/index/index.wxml', '<view/>');
      await expect(ci.getAppJSON(offlineProject(dir))).resolves.toMatchObject({ pages: ['pages/index/index'] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('package sizes', () => {
  test('main package ≤ 2 MB, each subpackage ≤ 2 MB, total ≤ 20 MB', () => {
    requireBuild();
    const sizes = weappSizes(DIST, subPackages);
    console.log(
      [
        'weapp package sizes (dist/weapp):',
        `  main package       ${kib(sizes.main.size)} (${sizes.main.files} files, limit ${kib(LIMITS.main)})`,
        ...sizes.subpackages.map(
          (s) => `  ${s.root.padEnd(18)} ${kib(s.size)} (${s.files} files, limit ${kib(LIMITS.subpackage)})`,
        ),
        `  total              ${kib(sizes.total)} (limit ${kib(LIMITS.total)})`,
      ].join('\n'),
    );
    expect(sizes.main.size).toBeLessThanOrEqual(LIMITS.main);
    for (const s of sizes.subpackages) {
      expect(s.files).toBeGreaterThan(0);
      expect(s.size).toBeLessThanOrEqual(LIMITS.subpackage);
    }
    expect(sizes.total).toBeLessThanOrEqual(LIMITS.total);
  });

  test('the home page preloads the enterprise, officer and 我的 packages; no page preloads more than 2 MB or a package it is in', () => {
    const built = requireBuild();
    const rules = (built.preloadRule ?? {}) as Record<string, { network?: string; packages: string[] }>;
    expect(rules['pages/index/index']?.packages).toEqual(expect.arrayContaining(['subpkg-enterprise', 'subpkg-officer', 'subpkg-me']));
    const sizes = weappSizes(DIST, subPackages);
    const sizeOf = (root: string) => sizes.subpackages.find((s) => s.root === `${root}/`)?.size;
    for (const [page, rule] of Object.entries(rules)) {
      expect(allPages).toContain(page);
      expect(['all', 'wifi', undefined]).toContain(rule.network);
      for (const p of rule.packages) {
        // a package by its root, and not the one the page itself is in
        expect(subPackages.map((s) => s.root)).toContain(p);
        expect(page.startsWith(`${p}/`)).toBe(false);
      }
      const total = rule.packages.reduce((n, p) => n + (sizeOf(p) ?? Infinity), 0);
      expect(total).toBeLessThanOrEqual(2 * 1024 * 1024);
    }
  });
});

describe('project.config.json and cloud functions', () => {
  const functionNames = fs.existsSync(FN_ROOT)
    ? fs.readdirSync(FN_ROOT).filter((n) => fs.existsSync(path.join(FN_ROOT, n, 'main.ts'))).sort()
    : [];

  test('project.config.json points DevTools at dist/weapp/ and cloudfunctions/', () => {
    const config = readJson(path.join(ROOT, 'project.config.json'));
    expect(config.miniprogramRoot).toBe('dist/weapp/');
    expect(config.cloudfunctionRoot).toBe('cloudfunctions/');
    expect(typeof config.appid).toBe('string');
  });

  test('there are cloud functions', () => {
    expect(functionNames.length).toBeGreaterThan(0);
  });

  describe.each(functionNames)('cloudfunctions/%s', (name) => {
    const dir = path.join(FN_ROOT, name);

    test('package.json depends on wx-server-sdk', () => {
      const pkg = readJson(path.join(dir, 'package.json'));
      expect(pkg.dependencies?.['wx-server-sdk']).toEqual(expect.any(String));
    });

    test('config.json is valid; at most one trigger, a timer with a 7-field cron', () => {
      const config = readJson(path.join(dir, 'config.json'));
      expect(config).toEqual(expect.any(Object));
      const triggers = config.triggers ?? [];
      expect(Array.isArray(triggers)).toBe(true);
      expect(triggers.length).toBeLessThanOrEqual(1); // WeChat allows one trigger per function
      for (const t of triggers) {
        expect(t.name).toEqual(expect.any(String));
        expect(t.type).toBe('timer');
        // second minute hour day-of-month month day-of-week year
        const fields = String(t.config).trim().split(/\s+/);
        expect(fields).toHaveLength(7);
        for (const f of fields) expect(f).toMatch(/^[0-9A-Za-z*,\-/?#]+$/);
      }
    });

    test('index.js is built and exports main', () => {
      const index = path.join(dir, 'index.js');
      if (!fs.existsSync(index)) {
        throw new Error(`cloudfunctions/${name}/index.js not found: run \`npm run build:functions\` (npm test does).`);
      }
      // wx-server-sdk is installed in the cloud, not here: load the bundle against a stand-in
      jest.mock('wx-server-sdk', () => ({ init: jest.fn(), DYNAMIC_CURRENT_ENV: 'mock-env', database: jest.fn(), getWXContext: jest.fn(() => ({})), openapi: {} }), {
        virtual: true,
      });
      let mod: { main?: unknown } = {};
      jest.isolateModules(() => {
        mod = require(index);
      });
      expect(typeof mod.main).toBe('function');
    });

    test('its built files require nothing but Node built-ins, its package.json dependencies and each other', () => {
      const files = builtFiles(name);
      const deps = Object.keys(readJson(path.join(dir, 'package.json')).dependencies ?? {});
      const builtin = new Set(builtinModules);
      for (const file of files) {
        const full = path.join(dir, file);
        if (!fs.existsSync(full)) throw new Error(`cloudfunctions/${name}/${file} not found: run \`npm run build:functions\`.`);
        const code = fs.readFileSync(full, 'utf8');
        const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
        const stray = [...new Set(required)].filter((r) => {
          const bare = r.replace(/^node:/, '');
          return !builtin.has(bare) && !builtin.has(bare.split('/')[0]) && !deps.includes(r) && !files.some((f) => r === `./${f}`);
        });
        expect({ file, stray }).toEqual({ file, stray: [] });
      }
    });
  });
});
