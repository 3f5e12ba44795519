// Entry point of the day1-utility CLI, bundled by scripts/build-cli.mjs.
import { main } from './main';

declare const DAY1_UTILITY_VERSION: string;

const status = main(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  DAY1_UTILITY_VERSION,
);
if (typeof status === 'number') process.exitCode = status;
else
  void status.then((code) => {
    process.exitCode = code;
  });
