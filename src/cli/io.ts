/** Where a command writes; the entry point binds these to the process streams. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
