#!/usr/bin/env bash
# Runs the real OpenShift console in a container against the cluster you are logged in to (`oc login`),
# with this plugin loaded from `npm run start:plugin` (webpack dev server on port 9001). For users with a cluster; the
# embedded simulator (`npm start`) needs none of this.
#
# Environment: CONSOLE_IMAGE (default quay.io/openshift/origin-console:4.22), CONSOLE_PORT (9000),
# PLUGIN_PORT (9001), CONTAINER_RUNTIME (podman, else docker).
set -euo pipefail

plugin=kmm-day1-console-plugin
image=${CONSOLE_IMAGE:-quay.io/openshift/origin-console:4.22}
console_port=${CONSOLE_PORT:-9000}
plugin_port=${PLUGIN_PORT:-9001}
runtime=${CONTAINER_RUNTIME:-$(command -v podman >/dev/null 2>&1 && echo podman || echo docker)}

for tool in oc "$runtime"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "start-console: $tool is not installed" >&2; exit 1; }
done
token=$(oc whoami --show-token) || { echo "start-console: run 'oc login' first" >&2; exit 1; }
api=$(oc whoami --show-server)

# podman on Linux shares the host network; docker reaches the host by name.
network=()
plugin_host=localhost
if [ "$runtime" = podman ] && [ "$(uname -s)" = Linux ]; then
  network=(--network=host)
elif [ "$runtime" = podman ]; then
  plugin_host=host.containers.internal
else
  plugin_host=host.docker.internal
fi

echo "Console: http://localhost:$console_port (API $api, plugin from http://$plugin_host:$plugin_port)"
# An env file keeps the token out of the process list.
exec "$runtime" run --pull always --rm "${network[@]}" -p "$console_port:9000" --env-file <(
  cat <<ENV
BRIDGE_USER_AUTH=disabled
BRIDGE_K8S_MODE=off-cluster
BRIDGE_K8S_MODE_OFF_CLUSTER_ENDPOINT=$api
BRIDGE_K8S_MODE_OFF_CLUSTER_SKIP_VERIFY_TLS=true
BRIDGE_K8S_AUTH=bearer-token
BRIDGE_K8S_AUTH_BEARER_TOKEN=$token
BRIDGE_USER_SETTINGS_LOCATION=localstorage
BRIDGE_I18N_NAMESPACES=plugin__$plugin
BRIDGE_PLUGINS=$plugin=http://$plugin_host:$plugin_port
ENV
) "$image"
