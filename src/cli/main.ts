import { UsageError } from './flags';
import type { CommandIO } from './io';
import { runProduce, USAGE } from './produce-command';
import { ROLLOUT_USAGE, runRollout } from './rollout-command';

/**
 * Runs day1-utility with `argv` (without node and the script) and returns the exit status. With no
 * subcommand it is KMM's day1-utility (flags only); `rollout` shows a rollout.
 */
export const main = (argv: string[], io: CommandIO, version: string): number => {
  const rollout = argv[0] === 'rollout';
  try {
    return rollout ? runRollout(argv.slice(1), io) : runProduce(argv, io, version);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        rollout
          ? `day1-utility rollout: ${error.message}\n\n${ROLLOUT_USAGE}`
          : `day1-utility: ${error.message}\n\n${USAGE}`,
      );
      return 2;
    }
    throw error;
  }
};
