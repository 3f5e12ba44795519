import { UsageError } from './flags';
import type { CommandIO } from './io';
import { runProduce, USAGE } from './produce-command';

/** Runs day1-utility with `argv` (without node and the script) and returns the exit status. */
export const main = (argv: string[], io: CommandIO, version: string): number => {
  try {
    return runProduce(argv, io, version);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`day1-utility: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
};
