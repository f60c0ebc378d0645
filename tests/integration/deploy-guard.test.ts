/**
 * A function folder whose index.js was not built cannot be deployed: WeChat DevTools' 上传并部署：
 * 云端安装依赖 uploads the folder and runs `npm install` in the cloud from its package.json, whose
 * preinstall fails with a clear message when index.js (or sheets' exceljs.js) is missing or empty (they are what
 * `npm run build:functions` makes from main.ts and core/; they are not in the repository, so a fresh
 * clone deployed as it is would otherwise install fine and then fail every call).
 *
 * Each folder's package.json is copied to a temporary folder: `npm install` there (offline, with the
 * dependencies left out so no registry is needed) must fail without index.js and pass with one, and
 * the preinstall script itself must do the same for the unchanged package.json.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTION_NAMES } from '../../core/functions';
import { builtFiles } from '../support/function-files';

jest.setTimeout(180_000);

const fnRoot = join(__dirname, '..', '..', 'cloudfunctions');
const npm = (cwd: string, args: string[]) => {
  const r = spawnSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_ignore_scripts: 'false' } as NodeJS.ProcessEnv });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
};

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'yszt-guard-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test.each(FUNCTION_NAMES)('cloudfunctions/%s: its preinstall refuses a folder without each built file, with the way out, and passes once all are built', (name) => {
  copyFileSync(join(fnRoot, name, 'package.json'), join(dir, 'package.json'));
  // index.js, and for sheets the exceljs.js it loads on first use: each missing or empty one is refused by name
  for (const file of builtFiles(name)) {
    const missing = npm(dir, ['run', 'preinstall']);
    expect(missing.status).not.toBe(0);
    expect(missing.out).toContain(`[cloudfunctions/${name}] 没有构建产物 ${file}`);
    expect(missing.out).toContain('npm run build:functions');
    writeFileSync(join(dir, file), '');
    expect(npm(dir, ['run', 'preinstall']).status).not.toBe(0);
    writeFileSync(join(dir, file), 'exports.main = async () => ({});\n');
  }
  expect(npm(dir, ['run', 'preinstall']).status).toBe(0);
});

test('npm install runs the guard: it fails without index.js and installs with it', () => {
  const pkg = JSON.parse(readFileSync(join(fnRoot, 'sweep', 'package.json'), 'utf8'));
  delete pkg.dependencies; // the registry is not needed to show that npm runs the guard
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  const refused = npm(dir, ['install']);
  expect(refused.status).not.toBe(0);
  expect(refused.out).toContain('[cloudfunctions/sweep] 没有构建产物 index.js');
  writeFileSync(join(dir, 'index.js'), 'exports.main = async () => ({});\n');
  const installed = npm(dir, ['install']);
  expect(installed.status).toBe(0);
});

test('every function folder declares the guard, and only wx-server-sdk as a dependency (the rest is bundled)', () => {
  for (const name of FUNCTION_NAMES) {
    const pkg = JSON.parse(readFileSync(join(fnRoot, name, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('index.js');
    expect(pkg.scripts.preinstall).toContain(`[cloudfunctions/${name}]`);
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
  }
});
