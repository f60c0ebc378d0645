/**
 * Repositories per concept (core/repos): the requests, users, cards, orgs and enterprises collections are read and
 * written only through their modules in core/repos, where each query sits beside the
 * index that serves it (query-coverage holds them to INDEXES). Here: no other module of core/ names the collection
 * (the repositories' own shapes are tested beside them, e.g. core/repos/requests.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CORE = join(__dirname, '..', '..', 'core');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : [];
  });

test.each(['requests', 'users', 'cards', 'orgs', 'enterprises'])('no module of core/ but its repository names the %s collection', (name) => {
  const named = new RegExp(`C\\.${name}\\b|collection(<[^>]*>)?\\(\\s*['"]${name}['"]`);
  const offenders = sources(CORE)
    .map((p) => relative(CORE, p))
    .filter((p) => p !== `repos/${name}.ts` && p !== 'collections.ts')
    .filter((p) => named.test(readFileSync(join(CORE, p), 'utf8')));
  expect(offenders).toEqual([]);
});

