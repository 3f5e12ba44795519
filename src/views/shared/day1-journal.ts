/**
 * The journal of a node's Day 1 units through the API server's node proxy, as `oc adm node-logs -u
 * <unit> --tail <n>` asks for it: each unit both as `unit=` (kubelets without the node log query
 * feature) and as `query=` (with it), and the line cap both as `tail=` and `tailLines=`.
 */

/** Lines of the journal shown in the node drawer. */
export const JOURNAL_LINES = 100;

/** The systemd units a Day 1 config installs: the load unit, and the image pull unit. */
const day1Units = (machineConfig: string): string[] => [
  `${machineConfig}-replace-kernel-module.service`,
  `${machineConfig}-pull-kernel-module-image.service`,
];

export const day1JournalUrl = (
  node: string,
  machineConfigs: readonly string[],
  lines = JOURNAL_LINES,
): string => {
  const units = machineConfigs.flatMap(day1Units);
  const params = new URLSearchParams();
  for (const unit of units) params.append('unit', unit);
  for (const unit of units) params.append('query', unit);
  params.set('tail', String(lines));
  params.set('tailLines', String(lines));
  return `/api/kubernetes/api/v1/nodes/${encodeURIComponent(node)}/proxy/logs/journal?${params.toString()}`;
};

/** The last `lines` lines of the text, without the empty line after the last newline. */
export const lastLines = (text: string, lines = JOURNAL_LINES): string[] => {
  const all = text.split('\n');
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all.slice(-lines);
};
