#!/bin/bash
# Day 1 load service: runs before network-pre.target, so it only uses images already in local storage.
# If both images are there it unloads the requested in-tree modules and loads the out-of-tree module
# with the KMM worker; otherwise it leaves the in-tree driver alone for the pull service to fix.
# Exits non-zero when the module did not load, so `systemctl --failed` shows it.
set -u

# shellcheck source=common.sh
. "$(printf '%s%s' "${KMM_DAY1_ROOT:-}" "${KMM_DAY1_LIB:?set by the unit}")"
init_common
: "${KERNEL_MODULE:?set by the unit}"
IN_TREE_MODULES_TO_REMOVE=${IN_TREE_MODULES_TO_REMOVE:-}
FIRMWARE_FILES_PATH=${FIRMWARE_FILES_PATH:-}

readonly pod="kmm-day1-${KMM_DAY1_NAME}"
readonly volume="kmm-day1-${KMM_DAY1_NAME}"
readonly container_config=/etc/kmm-worker/config.yaml
readonly firmware_dir=/var/lib/firmware
worker_config=$(host_path "$KMM_DAY1_STATE_DIR/worker-config.yaml")
readonly worker_config

fail() {
  log "$1"
  write_status LoadFailed false "$1"
  exit 1
}

# An interrupted boot (timeout, power loss) can leave our pod and volume behind; podman would then refuse
# to create them again.
remove_podman_objects() {
  if podman pod exists "$pod" >/dev/null 2>&1; then
    log "removing pod $pod"
    podman pod rm -f "$pod" >/dev/null 2>&1 || log "could not remove pod $pod"
  fi
  if podman volume exists "$volume" >/dev/null 2>&1; then
    log "removing volume $volume"
    podman volume rm -f "$volume" >/dev/null 2>&1 || log "could not remove volume $volume"
  fi
}

# Prints the in-tree module names to hand to the worker, one per line, spelt as their module files are
# (the worker matches file names literally, while modprobe treats '-' and '_' alike). Modules with no
# file for this kernel are skipped, as `modprobe -r` would fail on them.
in_tree_modules_present() {
  local name pattern file base modules_dir
  modules_dir=$(host_path "/lib/modules/$KERNEL_VERSION")
  for name in $IN_TREE_MODULES_TO_REMOVE; do
    pattern=${name//[-_]/[-_]}
    file=$(find "$modules_dir" -type f -name "${pattern}.ko*" -print -quit 2>/dev/null)
    if [ -z "$file" ]; then
      log "in-tree module $name: no module file for kernel $KERNEL_VERSION, nothing to remove" >&2
      continue
    fi
    base=${file##*/}
    base=${base%%.ko*}
    if module_loaded "$name"; then
      log "in-tree module $name is loaded and will be removed" >&2
    else
      log "in-tree module $name is not loaded" >&2
    fi
    printf '%s\n' "$base"
  done
}

listed_for_removal() {
  local name
  for name in $IN_TREE_MODULES_TO_REMOVE; do
    [ "$(sysfs_module_name "$name")" = "$(sysfs_module_name "$KERNEL_MODULE")" ] && return 0
  done
  return 1
}

write_worker_config() {
  local -a in_tree=("$@")
  local name
  mkdir -p "${worker_config%/*}" || return 1
  {
    printf 'containerImage: %s\n' "$(yaml_string "$KMOD_IMAGE_REF")"
    printf 'modprobe:\n'
    printf '  dirName: "/opt"\n'
    printf '  moduleName: %s\n' "$(yaml_string "$KERNEL_MODULE")"
    if [ -n "$FIRMWARE_FILES_PATH" ]; then
      printf '  firmwarePath: %s\n' "$(yaml_string "$FIRMWARE_FILES_PATH")"
    fi
    if [ "${#in_tree[@]}" -gt 0 ]; then
      printf 'inTreeModulesToRemove:\n'
      for name in "${in_tree[@]}"; do
        printf '  - %s\n' "$(yaml_string "$name")"
      done
    fi
  } >"$worker_config"
}

log "kernel $KERNEL_VERSION, module $KERNEL_MODULE, image $KMOD_IMAGE_REF, worker $WORKER_IMAGE"
remove_podman_objects

if ! image_present "$KMOD_IMAGE_REF" || ! image_present "$WORKER_IMAGE"; then
  log "$KMOD_IMAGE_REF or $WORKER_IMAGE is not in local storage yet; keeping the in-tree driver until the pull service has pulled them"
  write_status ImagesMissing false
  exit 0
fi

if module_loaded "$KERNEL_MODULE" && ! listed_for_removal; then
  fail "module $KERNEL_MODULE is already loaded, probably as the in-tree driver; add it to the in-tree modules to remove so the out-of-tree module can replace it"
fi

write_status Loading false
mapfile -t in_tree < <(in_tree_modules_present)
write_worker_config "${in_tree[@]}" || fail "could not write the worker config $worker_config"
log "worker config:"
cat "$worker_config"

# The init container copies the module tree (and firmware) from the kernel module image into the shared
# volume. The firmware path reaches sh as a positional argument, never as part of the command text.
# shellcheck disable=SC2016 # $1 is expanded by the container's sh
copy_command='mkdir -p /tmp/opt/lib/modules && cp -R /opt/lib/modules/. /tmp/opt/lib/modules/ && if [ -n "$1" ]; then mkdir -p "/tmp$1" && cp -R "$1/." "/tmp$1/"; fi'
worker_args=(kmod load "$container_config")
if [ -n "$FIRMWARE_FILES_PATH" ]; then
  worker_args+=(--firmware-path "$firmware_dir")
fi
mkdir -p "$(host_path "$firmware_dir")"

podman volume create "$volume" >/dev/null || fail "could not create podman volume $volume"
podman pod create --name "$pod" >/dev/null || {
  remove_podman_objects
  fail "could not create podman pod $pod"
}
if ! podman create --pod "$pod" --init-ctr=always -v "$volume:/tmp" "$KMOD_IMAGE_REF" \
  /bin/sh -c "$copy_command" sh "$FIRMWARE_FILES_PATH" >/dev/null; then
  remove_podman_objects
  fail "could not create the init container from $KMOD_IMAGE_REF"
fi
if ! worker_container=$(podman create --pod "$pod" --user=root --privileged \
  -v "$volume:/tmp" \
  -v "$(host_path /lib/modules):/lib/modules" \
  -v "$worker_config:$container_config" \
  -v "$(host_path "$firmware_dir"):$firmware_dir" \
  "$WORKER_IMAGE" "${worker_args[@]}"); then
  remove_podman_objects
  fail "could not create the worker container from $WORKER_IMAGE"
fi
if ! podman pod start "$pod" >/dev/null; then
  podman logs "$worker_container" 2>&1
  remove_podman_objects
  fail "could not start pod $pod: the init container could not copy /opt/lib/modules${FIRMWARE_FILES_PATH:+ or $FIRMWARE_FILES_PATH} from $KMOD_IMAGE_REF"
fi
worker_exit=$(podman wait "$worker_container")
log "worker output:"
podman logs "$worker_container" 2>&1
remove_podman_objects

if [ "$worker_exit" != 0 ]; then
  fail "the KMM worker exited with status ${worker_exit:-unknown} while loading $KERNEL_MODULE; see this unit's journal"
fi
if ! module_loaded "$KERNEL_MODULE"; then
  fail "the KMM worker finished but $KERNEL_MODULE is not loaded"
fi
log "module $KERNEL_MODULE loaded from $KMOD_IMAGE_REF"
write_status Loaded true
