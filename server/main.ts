// `npm start` runs this: PORT and DATA_DIR from the environment.
import { join, resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { startLocalServer } from './app';

/** a one-time code for the first admin: 12 characters from a 32-letter alphabet (60 bits), from the CSPRNG */
function randomCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

// the repository: server/ when run from source, dist/server/ when run as the bundle npm start builds
const root = process.env.APP_ROOT ? resolve(process.env.APP_ROOT) : resolve(__dirname, '..');
startLocalServer({
  port: Number(process.env.PORT ?? 8080),
  dataDir: resolve(process.env.DATA_DIR ?? join(root, 'data')),
  h5Dir: join(root, 'dist', 'h5'),
  functionsDir: join(root, 'cloudfunctions'),
  // SEED=empty starts a district from nothing, set up by its admin in the browser
  seed: process.env.SEED !== 'empty',
  // 127.0.0.1 unless HOST says otherwise: put an HTTPS reverse proxy in front of a real district's server
  host: process.env.HOST || '127.0.0.1',
  trustProxy: process.env.TRUST_PROXY === '1',
  submitsPerHour: Number(process.env.SUBMITS_PER_HOUR) || undefined,
  bootstrapAdminCode: process.env.BOOTSTRAP_ADMIN_CODE || (process.env.SEED === 'empty' ? randomCode() : undefined),
}).then((s) => {
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}, (e) => {
  console.error(e);
  process.exit(1);
});
