import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useWorkerBundles } from '../../electron/main/workers/worker-script';

/** The data workers as the app ships them (out/main, after `npm run build`); from source they run slower than in the app. */
export function useBuiltWorkers(log: (line: string) => void): void {
  const bundles = resolve(__dirname, '../../out/main');
  if (existsSync(join(bundles, 'import-worker.js'))) useWorkerBundles(bundles);
  else log('Data workers from source (no build in out/main): slower than the app.');
}
