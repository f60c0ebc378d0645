// `npm start` runs this: PORT and DATA_DIR from the environment.
import { join, resolve } from 'node:path';
import { startLocalServer } from './app';

const root = resolve(__dirname, '..');
startLocalServer({
  port: Number(process.env.PORT ?? 8080),
  dataDir: resolve(process.env.DATA_DIR ?? join(root, 'data')),
  h5Dir: join(root, 'dist', 'h5'),
  functionsDir: join(root, 'cloudfunctions'),
}).then((s) => {
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}, (e) => {
  console.error(e);
  process.exit(1);
});
