/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Fails `npm test` when a t('…') key or an extension label is missing from (or stale in) the locale file.
it('locales/ is in sync with the source (npm run i18n)', () => {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'i18n.mjs'), '--check'], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 60_000);
