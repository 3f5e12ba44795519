/**
 * Where a Day 1 MachineConfig puts things on the node. Everything is prefixed or namespaced by the
 * MachineConfig name, so several Day 1 configs on one node never share a unit, script, podman pod,
 * volume, worker config or status file.
 */

export const REPLACE_UNIT_SUFFIX = '-replace-kernel-module.service';
export const PULL_UNIT_SUFFIX = '-pull-kernel-module-image.service';
/** The longest suffix appended to a MachineConfig name in a unit or file name. */
export const LONGEST_NAME_SUFFIX = [REPLACE_UNIT_SUFFIX, PULL_UNIT_SUFFIX].reduce(
  (longest, suffix) => (suffix.length > longest.length ? suffix : longest),
);

export const CRIO_WIPE_UNIT = 'crio-wipe.service';
export const PROXY_ENVIRONMENT_FILE = '/etc/mco/proxy.env';

export interface NodeLayout {
  replaceUnit: string;
  pullUnit: string;
  replaceScript: string;
  pullScript: string;
  waitForDispatcherScript: string;
  commonLibrary: string;
  /** Kept across boots, never read by the cluster: the worker config, the crash and reboot records. */
  stateDirectory: string;
  /** Under /var/log, which the kubelet serves through the API server (`nodes/<n>/proxy/logs/...`). */
  statusDirectory: string;
  statusFile: string;
  workerConfig: string;
}

export const nodeLayout = (machineConfigName: string): NodeLayout => {
  const stateDirectory = `/var/lib/kmm-day1/${machineConfigName}`;
  const statusDirectory = `/var/log/kmm-day1/${machineConfigName}`;
  return {
    replaceUnit: `${machineConfigName}${REPLACE_UNIT_SUFFIX}`,
    pullUnit: `${machineConfigName}${PULL_UNIT_SUFFIX}`,
    replaceScript: `/usr/local/bin/${machineConfigName}-replace-kernel-module.sh`,
    pullScript: `/usr/local/bin/${machineConfigName}-pull-kernel-module-image.sh`,
    waitForDispatcherScript: `/usr/local/bin/${machineConfigName}-wait-for-dispatcher.sh`,
    commonLibrary: `/usr/local/lib/kmm-day1/${machineConfigName}-common.sh`,
    stateDirectory,
    statusDirectory,
    statusFile: `${statusDirectory}/status.json`,
    workerConfig: `${stateDirectory}/worker-config.yaml`,
  };
};
