/**
 * Size accounting for the weapp build, shared by weapp-build.test.ts (scripts/weapp-size.mjs repeats
 * the same few lines in plain JS so it runs without a TypeScript loader).
 *
 * WeChat counts a package as every file it uploads: the main package is everything outside the
 * subpackage roots, each subpackage is everything under its root. All files are counted here, so the
 * figures are an upper bound of what DevTools reports (it drops a few non-whitelisted file types).
 */
import fs from 'node:fs';
import path from 'node:path';

export const MiB = 1024 * 1024;
/** WeChat limits: main package 2 MB, each subpackage 2 MB, all packages together 20 MB. */
export const LIMITS = { main: 2 * MiB, subpackage: 2 * MiB, total: 20 * MiB };

export type FileSize = { rel: string; size: number };
export type PackageSize = { root: string; size: number; files: number };
export type WeappSizes = { main: PackageSize; subpackages: PackageSize[]; total: number };

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Every regular file under dir, with its path relative to dir (POSIX separators). */
export function walkFiles(dir: string): FileSize[] {
  const out: FileSize[] = [];
  const visit = (abs: string, rel: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(a, r);
      else if (entry.isFile()) out.push({ rel: r, size: fs.statSync(a).size });
    }
  };
  visit(dir, '');
  return out;
}

/** "subpkg-x", "subpkg-x/" and "/subpkg-x/" all mean the folder prefix "subpkg-x/". */
export const rootPrefix = (root: string): string => `${root.replace(/^\/+|\/+$/g, '')}/`;

/** Main package / subpackage / total sizes of a weapp output directory, given its app.json subPackages. */
export function weappSizes(distDir: string, subPackages: { root: string }[] = []): WeappSizes {
  const subs = subPackages.map((s) => ({ root: rootPrefix(s.root), size: 0, files: 0 }));
  const main: PackageSize = { root: '/', size: 0, files: 0 };
  let total = 0;
  for (const f of walkFiles(distDir)) {
    total += f.size;
    const owner = subs.find((s) => f.rel.startsWith(s.root)) ?? main;
    owner.size += f.size;
    owner.files += 1;
  }
  return { main, subpackages: subs, total };
}

/** Total size of the .js files under dir (the H5 bundle). */
export function jsSize(dir: string): { size: number; files: number } {
  const js = walkFiles(dir).filter((f) => f.rel.endsWith('.js'));
  return { size: js.reduce((n, f) => n + f.size, 0), files: js.length };
}
