/**
 * A tiny stand-in for a debug pod's shell on a simulated node (`oc debug node/<n> -- chroot /host …`),
 * so that a pod's log shows what those commands would print: `cat` of the Day 1 status files, `lsmod`,
 * `journalctl -u <unit>`, `uname -r`, `hostname` and `echo`. Anything else prints nothing.
 */
import type { NodeObject } from '../core/kube-types';
import type { Day1Node } from './day1-node';

/** Splits a command line into words, honouring single and double quotes. */
const words = (line: string): string[] =>
  [...line.matchAll(/'([^']*)'|"((?:\\.|[^"\\])*)"|(\S+)/g)].map((match) => {
    const [, single, double, bare] = match as unknown as (string | undefined)[];
    return single ?? double?.replace(/\\(.)/g, '$1') ?? bare ?? '';
  });

const globToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );

const lsmod = (day1: Day1Node): string[] => [
  'Module                  Size  Used by',
  ...[...day1.loadedModules]
    .sort()
    .map((m) => `${m.padEnd(24)}${String(200_000 + m.length * 4096).padStart(6)}  0`),
];

/** The journal of a Day 1 unit, from what its last run recorded. */
const journal = (day1: Day1Node, unit: string): string[] => {
  const match = /^(.+)-(replace-kernel-module|pull-kernel-module-image)\.service$/.exec(unit);
  const status = match ? day1.status(match[1]) : undefined;
  if (match === null || status === undefined) return ['-- No entries --'];
  const tag = `kmm-day1[${status.machineConfig}]`;
  if (match[2] === 'pull-kernel-module-image') {
    if (status.phase === 'PullFailed' || status.phase === 'RebootBudgetExhausted')
      return [`${tag}: ${status.lastError ?? ''}`];
    return [
      `${tag}: ${status.kernelModuleImage} and ${status.workerImage} are present; nothing to pull`,
    ];
  }
  switch (status.phase) {
    case 'Loaded':
      return [`${tag}: module ${status.kernelModule} loaded from ${status.kernelModuleImage}`];
    case 'ImagesMissing':
      return [
        `${tag}: ${status.kernelModuleImage} or ${status.workerImage} is not in local storage yet; keeping the in-tree driver until the pull service has pulled them`,
      ];
    default:
      return [`${tag}: ${status.lastError ?? status.phase}`];
  }
};

const runCommand = (argv: string[], node: NodeObject, day1: Day1Node): string[] => {
  // `chroot /host cmd …` runs cmd on the node, which is where this shell already is.
  while (argv[0] === 'chroot' && argv.length > 2) argv = argv.slice(2);
  const [command, ...args] = argv;
  switch (command) {
    case 'cat':
      return args.flatMap((pattern) => {
        const paths = [...day1.files.keys()].filter((p) => globToRegExp(pattern).test(p)).sort();
        if (paths.length === 0) return [`cat: ${pattern}: No such file or directory`];
        return paths.flatMap((p) => (day1.files.get(p) ?? '').replace(/\n$/, '').split('\n'));
      });
    case 'lsmod':
      return lsmod(day1);
    case 'journalctl': {
      const lines = args.flatMap((arg, i) => (args[i - 1] === '-u' ? journal(day1, arg) : []));
      // `-n N` keeps the last N lines, as the console's Verify pod asks for.
      const limit = Number(args[args.indexOf('-n') + 1]);
      return args.includes('-n') && Number.isInteger(limit) && limit >= 0
        ? lines.slice(Math.max(0, lines.length - limit))
        : lines;
    }
    case 'uname':
      return [node.status.nodeInfo.kernelVersion];
    case 'hostname':
      return [node.metadata.name];
    case 'echo':
      return [args.join(' ')];
    default:
      return [];
  }
};

/** Runs a script (commands separated by newlines, `;`, `&&` or `||`) and returns its output. */
export const runOnNode = (script: string, node: NodeObject, day1: Day1Node): string => {
  const lines = script
    .split(/\n|;|&&|\|\|/)
    .map((line) => words(line.trim()))
    .filter((argv) => argv.length > 0)
    .flatMap((argv) => runCommand(argv, node, day1));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

/** The script a container runs: the argument of `sh -c`, or its command and args joined. */
export const containerScript = (command: string[] = [], args: string[] = []): string => {
  const argv = [...command, ...args];
  const dashC = argv.indexOf('-c');
  if (dashC >= 0 && dashC + 1 < argv.length) return argv[dashC + 1];
  return argv.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ');
};
