/**
 * Builds the shell app with webpack, and tells whether its dist is older than its sources.
 * `node -r ts-node/register dev/console-shell/build.ts` builds unconditionally (`npm run build:shell`).
 */
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import webpack from 'webpack';
import config, { SHELL_DIST } from './webpack.config';

const REPO = path.resolve(__dirname, '../..');

/** Everything the shell bundle is made from (sources, config, and the repo files it imports). */
const SOURCES = [
  path.join(__dirname, 'src'),
  path.join(__dirname, 'webpack.config.ts'),
  path.join(REPO, 'src/k8s'),
  path.join(REPO, 'package.json'),
  path.join(REPO, 'package-lock.json'),
];

const newestMtime = async (entry: string): Promise<number> => {
  let info;
  try {
    info = await stat(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) {
    return info.mtimeMs;
  }
  const children = await readdir(entry);
  const times = await Promise.all(children.map((c) => newestMtime(path.join(entry, c))));
  return Math.max(info.mtimeMs, ...times);
};

/** True when the shell was never built or a source changed since. */
export const isShellStale = async (): Promise<boolean> => {
  const built = await newestMtime(path.join(SHELL_DIST, 'index.html'));
  if (built === 0) {
    return true;
  }
  const sources = await Promise.all(SOURCES.map(newestMtime));
  return Math.max(...sources) > built;
};

export const buildShell = (): Promise<void> =>
  new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) {
        reject(error);
        return;
      }
      if (stats?.hasErrors()) {
        reject(new Error(stats.toString('errors-only')));
        return;
      }
      resolve();
    });
  });

export { SHELL_DIST };

if (require.main === module) {
  const started = Date.now();
  buildShell().then(
    () => {
      console.log(`Console shell built in ${String(Date.now() - started)} ms: ${SHELL_DIST}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
