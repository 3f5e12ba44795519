#!/usr/bin/env node
// The CLI is bundled from src/cli by `npm run build:cli`, which `npm install` runs (prepare).
try {
  require('../build/cli/day1-utility.cjs');
} catch (error) {
  if (
    error &&
    error.code === 'MODULE_NOT_FOUND' &&
    String(error.message).includes('day1-utility.cjs')
  ) {
    process.stderr.write(
      'day1-utility is not built yet: run "npm run build:cli" (npm install does it)\n',
    );
    process.exit(1);
  }
  throw error;
}
