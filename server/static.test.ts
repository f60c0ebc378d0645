/**
 * The H5 app is served as a production web app: the precompressed file the browser accepts
 * (scripts/precompress.mjs makes them at build), hashed assets cached for good, index.html and
 * everything else revalidated.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startLocalServer } from './app';

const root = join(__dirname, '..');
let dir: string;
let server: Awaited<ReturnType<typeof startLocalServer>>;

/** a raw GET (fetch would decode the body and hide the encoding) */
function get(path: string, encoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const APP = `console.log(${JSON.stringify('诉求直通 '.repeat(400))});\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yszt-static-'));
  const h5 = join(dir, 'h5');
  mkdirSync(join(h5, 'js'), { recursive: true });
  writeFileSync(join(h5, 'index.html'), '<!doctype html><html><head><script defer src="/js/app.a1e2411a.js"></script></head><body><div id="app"></div></body></html>');
  writeFileSync(join(h5, 'js', 'app.a1e2411a.js'), APP);
  writeFileSync(join(h5, 'js', 'tiny.0badc0de.js'), 'void 0;');
  writeFileSync(join(h5, 'manifest.json'), '{}');
  // the build step itself: .br and .gz beside every file worth it
  execFileSync(process.execPath, [join(root, 'scripts', 'precompress.mjs'), h5]);
  server = await startLocalServer({ port: 0, dataDir: join(dir, 'data'), h5Dir: h5, functionsDir: join(root, 'cloudfunctions'), timers: false, seed: false, log: () => {} });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the build step compresses what is worth it, and leaves index.html and tiny files alone', () => {
  const js = join(dir, 'h5', 'js', 'app.a1e2411a.js');
  expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(APP);
  expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(APP);
  expect(() => readFileSync(join(dir, 'h5', 'index.html.br'))).toThrow();
  expect(() => readFileSync(join(dir, 'h5', 'js', 'tiny.0badc0de.js.br'))).toThrow();
});

test('a hashed asset: brotli when accepted, else gzip, else plain; cached for good', async () => {
  const br = await get('/js/app.a1e2411a.js', 'gzip, deflate, br');
  expect(br.status).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['content-type']).toMatch(/javascript/);
  expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(br.headers.vary).toMatch(/Accept-Encoding/i);
  expect(brotliDecompressSync(br.body).toString()).toBe(APP);
  expect(br.body.length).toBeLessThan(Buffer.byteLength(APP) / 5);

  const gz = await get('/js/app.a1e2411a.js', 'gzip');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).toString()).toBe(APP);

  const plain = await get('/js/app.a1e2411a.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(APP);
});

test('index.html (and any route the app handles) is revalidated, never cached for good', async () => {
  for (const path of ['/', '/index.html', '/pages/index/index', '/manifest.json']) {
    const r = await get(path, 'br');
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
  }
  // the API keeps its own no-store
  const api = await get('/api/health');
  expect(api.headers['cache-control']).not.toMatch(/immutable/);
});
