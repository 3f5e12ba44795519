#!/bin/bash
# Runs before the pull service: waits until NetworkManager-dispatcher has run its hooks (on-prem clusters
# set up DNS there), so that the registry name resolves. Bounded, unlike an endless loop: after the
# limit the pull goes ahead and its own retries cover a late network.
set -u

# At most 60 s: part of the pull unit's time budget (see pull-kernel-module-image.sh).
readonly limit=${KMM_DAY1_DISPATCHER_WAIT_SECONDS:-60}
waited=0

property() {
  systemctl show -p "$1" --value NetworkManager-dispatcher.service
}

while [ "$waited" -lt "$limit" ]; do
  load_state=$(property LoadState)
  active_state=$(property ActiveState)
  result=$(property Result)
  if [ "$load_state" = not-found ]; then
    echo "NetworkManager-dispatcher.service does not exist; nothing to wait for"
    exit 0
  fi
  if [ "$load_state" = loaded ] && [ "$active_state" = inactive ] && [ "$result" = success ]; then
    echo "NetworkManager-dispatcher.service has finished"
    exit 0
  fi
  echo "waiting for NetworkManager-dispatcher.service (load=$load_state active=$active_state result=$result)"
  sleep 1
  waited=$((waited + 1))
done
echo "NetworkManager-dispatcher.service still busy after ${limit}s; pulling anyway"
