import { UsageError } from './flags';
import type { CommandIO } from './io';
import { runProduce, USAGE } from './produce-command';
import { ROLLOUT_USAGE, runRollout } from './rollout-command';
import { COVERAGE_USAGE, runCoverage } from './coverage-command';

/**
 * Runs day1-utility with `argv` (without node and the script) and returns the exit status. With no
 * subcommand it is KMM's day1-utility (flags only); `rollout` shows a rollout; `coverage` (which asks
 * registries, so answers a promise) checks the images' tags for the cluster's kernels.
 */
export function main(argv: string[], io: CommandIO, version: string): number | Promise<number> {
  if (argv[0] === 'coverage') {
    const usage = (error: unknown): number => {
      if (error instanceof UsageError) {
        io.stderr(`day1-utility coverage: ${error.message}\n\n${COVERAGE_USAGE}`);
        return 2;
      }
      throw error;
    };
    try {
      return runCoverage(argv.slice(1), io).catch(usage);
    } catch (error) {
      return usage(error);
    }
  }
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
}
