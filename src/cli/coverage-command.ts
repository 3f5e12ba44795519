import { readDay1MachineConfig } from '../producer';
import type { Day1ConfigSummary } from '../producer';
import {
  formatCoverageSummary,
  formatTagCheck,
  kernelCoverage,
  kernelsToCheck,
  tagCheckKey,
  tagChecksFor,
} from '../rollout';
import type { ConfigCoverage, TagCheck, TagCheckRequest } from '../rollout';
import { formatUsage, parseFlags, UsageError } from './flags';
import type { FlagSpec } from './flags';
import type { CommandIO } from './io';
import { checkTagInRegistry, defaultAuthFilePath, readAuthFile } from './registry-check';
import type { AuthFile } from './registry-check';
import { InputError, NODE_READER, readInput, table } from './rollout-command';
import type { Collected, InputReader } from './rollout-command';

/** Exit status when some kernel has no tag in its config's image. */
const EXIT_MISSING = 3;
/**
 * Exit status when no tag is missing but some could not be checked; always with --offline, which
 * checks nothing (a script must not take "not asked" for "every tag is there").
 */
const EXIT_UNKNOWN = 4;

const FLAGS: FlagSpec[] = [
  {
    name: 'f',
    aliases: ['filename'],
    valueName: 'file',
    usage: 'YAML or JSON from oc get (a List, or several documents); "-" reads stdin; repeatable',
  },
  {
    name: 'o',
    aliases: ['output'],
    valueName: 'format',
    usage: 'output format: text per config (default) or json',
  },
  {
    name: 'authfile',
    valueName: 'file',
    usage:
      'registry credentials, containers-auth.json format (default $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json)',
  },
  {
    name: 'offline',
    boolean: true,
    usage: `do not ask the registries: every tag is "unknown", and the exit status is ${String(EXIT_UNKNOWN)}`,
  },
  {
    name: 'plain-http',
    boolean: true,
    usage: 'ask the registries over http rather than https (a local test registry)',
  },
  { name: 'h', aliases: ['help'], boolean: true, usage: 'print this help and exit' },
];

const OC_GET = 'oc get machineconfigs,machineconfigpools,nodes -o yaml';

export const COVERAGE_USAGE = formatUsage(
  `Usage: day1-utility coverage -f FILE [-f FILE ...] [-o json] [--authfile FILE] [--offline]

Kernel coverage: for each Day 1 MachineConfig, every kernel running in the cluster (in its pools, and
anywhere else: control plane nodes get a new kernel first during an OpenShift update) and whether its
image has the tag for that kernel. A node whose kernel has no tag boots without the out-of-tree module
and runs the in-tree driver. Reads what this prints:
  ${OC_GET}
and asks each registry with an HTTP HEAD on /v2/<repository>/manifests/<tag>, anonymously or with the
auth file's credentials; where it cannot, the tag is "unknown" with the reason.

Exit status: 0 when every kernel has its tag, ${String(EXIT_MISSING)} when some kernel has none, ${String(EXIT_UNKNOWN)} when none is
missing but some could not be checked (always with --offline, which checks nothing), 1 when the
input cannot be used, 2 for a usage error.`,
  FLAGS,
);

/** Runs `check` on each request, at most `limit` at once. */
const checkAll = async (
  requests: TagCheckRequest[],
  check: (request: TagCheckRequest) => Promise<TagCheck>,
  limit = 4,
): Promise<Map<string, TagCheck>> => {
  const answers = new Map<string, TagCheck>();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      answers.set(tagCheckKey(request), await check(request));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, requests.length) }, worker));
  return answers;
};

const configSection = (coverage: ConfigCoverage): string => {
  const header = table(
    [
      ['Image:', coverage.image],
      ['Pools:', coverage.pools.length === 0 ? '-' : coverage.pools.join(', ')],
      ['Coverage:', formatCoverageSummary(coverage)],
    ],
    '  ',
  );
  const kernels =
    coverage.kernels.length === 0
      ? '  No node reports a kernel.'
      : table(
          [
            ['KERNEL', 'TAG', 'NODES IN POOLS', 'NODES IN CLUSTER', 'IMAGE'],
            ...coverage.kernels.map((kernel) => [
              kernel.kernelVersion,
              kernel.tag === kernel.kernelVersion ? '(same)' : kernel.tag,
              String(kernel.configNodes.reduce((sum, entry) => sum + entry.nodes.length, 0)),
              String(kernel.clusterNodeCount),
              formatTagCheck(kernel.check),
            ]),
          ],
          '  ',
        );
  const inTree =
    coverage.inTreeNodes.length === 0
      ? ''
      : `\n  On the in-tree driver (their kernel has no tag):\n${coverage.inTreeNodes
          .map(({ pool, nodes }) => `    ${pool}: ${nodes.join(', ')}`)
          .join('\n')}\n`;
  return `MachineConfig ${coverage.machineConfigName}\n${header}\n\n${kernels}\n${inTree}`;
};

const coverageJSON = (coverage: ConfigCoverage[]) => ({
  configs: coverage.map((c) => ({
    machineConfig: c.machineConfigName,
    image: c.image,
    pools: c.pools,
    state: c.state,
    covered: c.covered,
    total: c.total,
    missingTags: c.missingTags,
    kernels: c.kernels.map((k) => ({
      kernelVersion: k.kernelVersion,
      tag: k.tag,
      reference: k.reference,
      result: k.check.result,
      reason: k.check.result === 'unknown' ? k.check.reason : null,
      detail: k.check.result === 'unknown' ? (k.check.detail ?? null) : null,
      text: formatTagCheck(k.check),
      nodesInPools: k.configNodes,
      nodesInCluster: k.clusterNodeCount,
    })),
    inTreeNodes: c.inTreeNodes,
  })),
});

export interface CoverageEnvironment {
  reader: InputReader;
  env: NodeJS.ProcessEnv;
}

const NODE_ENVIRONMENT: CoverageEnvironment = { reader: NODE_READER, env: process.env };

/**
 * `day1-utility coverage`: each Day 1 config's kernels and whether its image has their tags. Exit
 * status as COVERAGE_USAGE says; usage errors throw UsageError (exit 2 in main).
 */
export const runCoverage = async (
  argv: string[],
  io: CommandIO,
  { reader, env }: CoverageEnvironment = NODE_ENVIRONMENT,
): Promise<number> => {
  const { values, positional } = parseFlags(FLAGS, argv);
  if (values.has('h')) {
    io.stdout(COVERAGE_USAGE);
    return 0;
  }
  if (positional.length > 0) {
    throw new UsageError(`unexpected argument "${positional[0]}": give files with -f`);
  }
  const format = values.get('o')?.at(-1) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`-o must be "json" (or left out for text), not "${format}"`);
  }
  const files = values.get('f') ?? [];
  if (files.length === 0) throw new UsageError('give at least one -f FILE (or -f - for stdin)');
  if (files.includes(''))
    throw new UsageError('-f needs a file name (or - for stdin), not an empty string');
  const offline = values.has('offline');

  let input: Collected;
  let auth: AuthFile | undefined;
  try {
    input = readInput(files, reader);
    const given = values.get('authfile')?.at(-1);
    if (!offline) {
      const path = given ?? defaultAuthFilePath(env);
      try {
        auth = readAuthFile(path);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        // A default auth file that does not exist means no credentials; a named one must exist.
        if (given === undefined && code === 'ENOENT') auth = readAuthFile(undefined);
        else
          throw new InputError(
            `--authfile ${path ?? ''}: ${code === 'ENOENT' ? 'no such file' : `not a containers-auth.json file (${error instanceof Error ? error.message : String(error)})`}`,
          );
      }
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`day1-utility coverage: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const configs = input.machineConfigs
    .map(readDay1MachineConfig)
    .filter((summary): summary is Day1ConfigSummary => summary !== null)
    .sort((a, b) => a.machineConfigName.localeCompare(b.machineConfigName));
  if (configs.length === 0) {
    io.stderr(
      `day1-utility coverage: no Day 1 MachineConfig in the input; give the output of: ${OC_GET}\n`,
    );
    return 1;
  }
  const plan = kernelsToCheck({ configs, pools: input.pools, nodes: input.nodes });
  const requests = tagChecksFor(plan);
  const registryAuth = auth;
  const answers =
    registryAuth === undefined
      ? new Map<string, TagCheck>(
          requests.map((r) => [tagCheckKey(r), { result: 'unknown', reason: 'notChecked' }]),
        )
      : await checkAll(requests, (r) =>
          checkTagInRegistry(r.image, r.tag, {
            auth: registryAuth,
            plainHttp: values.has('plain-http'),
          }),
        );
  const coverage = kernelCoverage(plan, (request) => answers.get(tagCheckKey(request)));
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(coverageJSON(coverage), null, 2)}\n`
      : coverage.map(configSection).join('\n'),
  );
  if (coverage.some((c) => c.missing > 0)) return EXIT_MISSING;
  // --offline's "not checked" counts: nothing says those tags exist.
  const unchecked = coverage.some((c) => c.kernels.some((k) => k.check.result === 'unknown'));
  return unchecked ? EXIT_UNKNOWN : 0;
};
