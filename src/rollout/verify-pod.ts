/**
 * The console's Verify action, as data: the short-lived debug pod that reads a node's Day 1 status
 * files, `lsmod` and the Day 1 units' journal (what `oc debug node/<name> -- chroot /host …` would
 * show), and the reader of its log. The console runs the pod; the simulator answers it; both read the
 * output with this module, so the command and the format live in one place.
 */
import { nodeLayout } from '../producer';
import { Day1StatusError, parseDay1Status } from './day1-status-file';
import type { Day1Status } from './day1-status';
import type { StatusFileProblem } from './messages';

/** The image `oc debug node` uses on Red Hat Enterprise Linux CoreOS nodes. */
export const DEFAULT_VERIFY_IMAGE = 'registry.redhat.io/rhel9/support-tools:latest';

/**
 * A namespace where privileged pods are admitted on OpenShift (pod security "privileged"), which is
 * why support articles run `oc debug node --to-namespace=default`.
 */
export const DEFAULT_VERIFY_NAMESPACE = 'default';

/** Journal lines kept per unit. */
const VERIFY_JOURNAL_LINES = 20;

/** The kubelet ends the pod after this even if nobody deletes it (the console tab may close). */
const VERIFY_POD_DEADLINE_SECONDS = 300;

/** The label every verify pod carries, to find leftovers: `oc get pods -A -l <label>`. */
export const VERIFY_POD_LABEL = 'kmm-day1.openshift.io/verify';

/** Lines like this separate the sections of the log; they survive stderr interleaving. */
const MARKER_PREFIX = '--- kmm-day1-verify';
const MARKER = /--- kmm-day1-verify (begin|status|lsmod|journal|end)(?: (\S+))? ---\n?/g;

/** MachineConfig names are DNS subdomains, which need no shell quoting. */
const MACHINE_CONFIG_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

const marker = (section: string, argument?: string): string =>
  `echo '${MARKER_PREFIX} ${section}${argument === undefined ? '' : ` ${argument}`} ---'`;

/**
 * The script the pod runs on the host (after `chroot /host`): one section per status file, `lsmod`,
 * and one per Day 1 unit. Names that are not MachineConfig names are left out, so nothing from the
 * cluster reaches the shell unquoted.
 */
export const verifyScript = (machineConfigs: readonly string[]): string => {
  const names = machineConfigs.filter((name) => MACHINE_CONFIG_NAME.test(name));
  const lines = [marker('begin')];
  for (const name of names) {
    lines.push(marker('status', name), `cat ${nodeLayout(name).statusFile}`);
  }
  lines.push(marker('lsmod'), 'lsmod');
  for (const name of names) {
    const { replaceUnit, pullUnit } = nodeLayout(name);
    for (const unit of [replaceUnit, pullUnit]) {
      lines.push(
        marker('journal', unit),
        `journalctl --no-pager -n ${String(VERIFY_JOURNAL_LINES)} -u ${unit}`,
      );
    }
  }
  lines.push(marker('end'));
  return `${lines.join('\n')}\n`;
};

export interface VerifyPodOptions {
  nodeName: string;
  namespace: string;
  /** The Day 1 MachineConfigs whose status files and units to read. */
  machineConfigs: readonly string[];
  image?: string;
}

/** The parts of a core/v1 Pod the verify pod sets and reads. */
export interface VerifyPod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: {
    name?: string;
    generateName?: string;
    namespace: string;
    labels: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

/** Pod names are DNS labels: the node name, shortened, keeps the pod recognisable in `oc get pods`. */
const generateNameFor = (nodeName: string): string => {
  const slug = nodeName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 30)
    .replace(/^-+|-+$/g, '');
  return `kmm-day1-verify-${slug === '' ? 'node' : `${slug}-`}`;
};

/**
 * A pod like the one `oc debug node/<name>` makes: pinned to the node, privileged, with the host's PIDs
 * and network (the module under test may be the node's network driver) and its root at /host, never
 * restarted, ended by the kubelet after VERIFY_POD_DEADLINE_SECONDS, and tolerating every taint, since
 * the nodes worth checking are often cordoned or NotReady.
 */
export const verifyPod = ({
  nodeName,
  namespace,
  machineConfigs,
  image = DEFAULT_VERIFY_IMAGE,
}: VerifyPodOptions): VerifyPod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    generateName: generateNameFor(nodeName),
    namespace,
    labels: { [VERIFY_POD_LABEL]: 'true' },
  },
  spec: {
    nodeName,
    restartPolicy: 'Never',
    activeDeadlineSeconds: VERIFY_POD_DEADLINE_SECONDS,
    hostPID: true,
    hostNetwork: true,
    tolerations: [{ operator: 'Exists' }],
    containers: [
      {
        name: 'verify',
        image,
        command: ['chroot', '/host', '/bin/sh', '-c', verifyScript(machineConfigs)],
        securityContext: { privileged: true, runAsUser: 0 },
        volumeMounts: [{ name: 'host', mountPath: '/host' }],
      },
    ],
    volumes: [{ name: 'host', hostPath: { path: '/', type: 'Directory' } }],
  },
});

/** One status file as the pod printed it. */
export interface VerifiedStatusFile {
  machineConfig: string;
  /** What `cat` printed: the file, or its error. */
  text: string;
  status?: Day1Status;
  /** Why the text is not a status file (missing file, malformed JSON). */
  problem?: StatusFileProblem;
}

export interface VerifyOutput {
  statusFiles: VerifiedStatusFile[];
  /** Module names as lsmod prints them (the /sys/module names); undefined without an lsmod section. */
  loadedModules?: string[];
  journals: { unit: string; lines: string[] }[];
  /** Every section was printed (the end marker is there). */
  complete: boolean;
}

const linesOf = (text: string): string[] => {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

const readStatusFile = (machineConfig: string, text: string): VerifiedStatusFile => {
  const trimmed = text.trim();
  if (trimmed === '' || !trimmed.startsWith('{')) {
    return {
      machineConfig,
      text,
      problem:
        trimmed === ''
          ? { code: 'empty', params: {} }
          : { code: 'output', params: { line: trimmed.split('\n')[0] } },
    };
  }
  try {
    return { machineConfig, text, status: parseDay1Status(trimmed) };
  } catch (error) {
    if (!(error instanceof Day1StatusError)) throw error;
    return {
      machineConfig,
      text,
      problem: { code: 'malformed', params: { problems: error.problems } },
    };
  }
};

const readLsmod = (text: string): string[] =>
  linesOf(text)
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name, i) => name !== '' && !(i === 0 && name === 'Module'));

/** Reads the pod's log into its sections. Text outside the sections (e.g. image pull noise) is ignored. */
export const parseVerifyOutput = (log: string): VerifyOutput => {
  const output: VerifyOutput = { statusFiles: [], journals: [], complete: false };
  const markers = [...log.matchAll(MARKER)];
  markers.forEach((match, i) => {
    const [whole, section] = match;
    // An optional group: undefined when the marker has no argument.
    const argument = match[2] as string | undefined;
    const start = match.index + whole.length;
    const body = log.slice(start, markers[i + 1]?.index ?? log.length);
    switch (section) {
      case 'status':
        if (argument !== undefined) output.statusFiles.push(readStatusFile(argument, body));
        break;
      case 'lsmod':
        output.loadedModules = readLsmod(body);
        break;
      case 'journal':
        if (argument !== undefined) output.journals.push({ unit: argument, lines: linesOf(body) });
        break;
      case 'end':
        output.complete = true;
        break;
    }
  });
  return output;
};
