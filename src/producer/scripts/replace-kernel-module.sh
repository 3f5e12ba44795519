#!/bin/bash
# Day 1 load service: runs before network-pre.target, after udev's coldplug, so it only uses images
# already in local storage. The node often needs the in-tree driver to be reachable at all, so every step
# fails safe:
#   - images missing: keep the in-tree driver (ImagesMissing); the pull service fetches them;
#   - the previous boot died while loading this (config, kernel, image): keep the in-tree driver and do
#     not try again (LoadSkippedAfterCrash) until the image, kernel or config changes, or an admin re-arms;
#   - checks before unloading anything (an in-tree module held by another module or in use, the module
#     missing from the image or built for another kernel): refuse and keep the in-tree driver (LoadRefused);
#   - the out-of-tree load fails, or what got loaded is not the out-of-tree build: reload every in-tree
#     module that was unloaded and say whether they are back (LoadFailed, inTreeRestored).
# Exits non-zero whenever the out-of-tree module is not loaded for a reason other than missing images, so
# `systemctl --failed` shows it.
set -u

# shellcheck source=common.sh
. "$(printf '%s%s' "${KMM_DAY1_ROOT:-}" "${KMM_DAY1_LIB:?set by the unit}")"
init_common
IN_TREE_MODULES_TO_REMOVE=${IN_TREE_MODULES_TO_REMOVE:-}
FIRMWARE_FILES_PATH=${FIRMWARE_FILES_PATH:-}

readonly pod="kmm-day1-${KMM_DAY1_NAME}"
readonly volume="kmm-day1-${KMM_DAY1_NAME}"
readonly container_config=/etc/kmm-worker/config.yaml
readonly firmware_dir=/var/lib/firmware
# Bounded: udev normally settles in seconds after coldplug; the unit's TimeoutSec leaves room for it.
readonly udev_settle_timeout=30
worker_config=$(host_path "$KMM_DAY1_STATE_DIR/worker-config.yaml")
readonly worker_config
# Set while the worker may be unloading and loading modules. A boot that finds it with the same key died
# mid-load (kernel panic, hang, power loss); see the README for how an admin re-arms.
crash_marker=$(host_path "$KMM_DAY1_STATE_DIR/load-in-progress")
readonly crash_marker

# Modules loaded before anything was unloaded (as /sys/module names): what a failed load must give back.
loaded_before=()
image_srcversion=''

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

listed_for_removal() {
  local name
  for name in $IN_TREE_MODULES_TO_REMOVE; do
    [ "$(sysfs_module_name "$name")" = "$(sysfs_module_name "$1")" ] && return 0
  done
  return 1
}

# The out-of-tree build is what is loaded: the kernel taints with O every module it loads from outside
# its own tree, and, when the image's module has a srcversion, the loaded one has the same.
out_of_tree_loaded() {
  local dir taint='' srcversion=''
  module_loaded "$KERNEL_MODULE" || return 1
  dir=$(module_sysfs "$KERNEL_MODULE")
  read -r taint 2>/dev/null <"$dir/taint" || true
  [[ $taint == *O* ]] || return 1
  read -r srcversion 2>/dev/null <"$dir/srcversion" || true
  [ -z "$image_srcversion" ] || [ -z "$srcversion" ] || [ "$srcversion" = "$image_srcversion" ]
}

# Reloads, with the host's modprobe, every module that was loaded before the worker ran and is gone now,
# then sets STATUS_IN_TREE_RESTORED to whether they all are back. Modules the worker's `modprobe -r`
# removed as unused dependencies (not listed) come first; the listed ones follow in reverse order, since
# `modprobe -r A B` removes A and then B, and B may be what A uses. modprobe loads a module's own
# dependencies first anyway.
restore_in_tree() {
  local m name missing=() order=() still=()
  for m in "${loaded_before[@]}"; do
    module_loaded "$m" || missing+=("$m")
  done
  for m in "${missing[@]}"; do
    listed_for_removal "$m" || order+=("$m")
  done
  local -a listed
  read -r -a listed <<<"$IN_TREE_MODULES_TO_REMOVE"
  for ((i = ${#listed[@]} - 1; i >= 0; i--)); do
    name=$(sysfs_module_name "${listed[i]}")
    for m in "${missing[@]}"; do
      [ "$m" = "$name" ] && order+=("$m")
    done
  done
  for m in "${order[@]}"; do
    module_loaded "$m" && continue
    log "reloading in-tree module $m"
    modprobe "$m" 2>&1 || log "could not reload in-tree module $m"
  done
  for m in "${loaded_before[@]}"; do
    module_loaded "$m" || still+=("$m")
  done
  if [ "${#still[@]}" -eq 0 ]; then
    STATUS_IN_TREE_RESTORED=true
    [ "${#missing[@]}" -eq 0 ] || log "in-tree modules reloaded: ${missing[*]}"
  else
    STATUS_IN_TREE_RESTORED=false
    log "in-tree modules still missing: ${still[*]}; the node may have lost the devices they drive"
  fi
}

# fail REASON MESSAGE: the load failed. Gives the in-tree driver back, records LoadFailed and exits 1.
# The crash marker is cleared: this failure was handled, the next boot may try again.
fail() {
  trap '' TERM
  STATUS_REASON=$1
  log "$2"
  remove_podman_objects
  restore_in_tree
  local loaded=false
  out_of_tree_loaded && loaded=true
  write_status LoadFailed "$loaded" "$2"
  rm -f "$crash_marker"
  exit 1
}

# refuse REASON BLOCKING_MODULE MESSAGE: checked before unloading anything; nothing was changed.
refuse() {
  STATUS_REASON=$1
  STATUS_BLOCKING_MODULE=$2
  log "$3; nothing was unloaded, the in-tree driver stays"
  remove_podman_objects
  write_status LoadRefused false "$3"
  exit 1
}

on_term() {
  fail Interrupted "the load service was stopped (TimeoutSec or shutdown) while loading $KERNEL_MODULE"
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

# Refuses unless `modprobe -r` of the modules, in this order, can remove them all. kmod removes them one
# by one and stops at the first that is in use, leaving the ones before it unloaded. A module is in use
# while its refcount is above zero. Each module that uses it holds one reference and is listed in
# /sys/module/<m>/holders, so a holder must be removed earlier in the list. References beyond the
# holders come from no module (an open device, a mount, a process), and nothing in the list releases them.
check_removable() {
  local name m holder refcnt removed=' ' holders
  for name in "$@"; do
    m=$(sysfs_module_name "$name")
    module_loaded "$m" || continue
    holders=0
    for holder in "$(module_sysfs "$m")"/holders/*; do
      [ -e "$holder" ] || continue
      holder=${holder##*/}
      holders=$((holders + 1))
      if [[ $removed != *" $holder "* ]]; then
        if listed_for_removal "$holder"; then
          refuse InTreeModuleHeld "$holder" "in-tree module $m is used by $holder, which is listed after it; list the modules that use it first"
        fi
        refuse InTreeModuleHeld "$holder" "in-tree module $m is used by module $holder, which is not in the in-tree modules to remove"
      fi
    done
    refcnt=0
    read -r refcnt 2>/dev/null <"$(module_sysfs "$m")/refcnt" || true
    if [ "${refcnt:-0}" -gt "$holders" ] 2>/dev/null; then
      refuse InTreeModuleHeld "$m" "in-tree module $m is in use (refcount $refcnt, $holders from modules); modprobe -r would stop there"
    fi
    removed+="$m "
  done
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
trap on_term TERM
remove_podman_objects

if ! image_present "$KMOD_IMAGE_REF" || ! image_present "$WORKER_IMAGE"; then
  log "$KMOD_IMAGE_REF or $WORKER_IMAGE is not in local storage yet; keeping the in-tree driver until the pull service has pulled them"
  write_status ImagesMissing false
  exit 0
fi

key=$(day1_key)
REBOOTS_USED=$(reboots_used_for "$key")
if [ -f "$crash_marker" ]; then
  marked_key='' marked_boot=''
  { read -r marked_key && read -r marked_boot; } <"$crash_marker" 2>/dev/null || true
  if [ "$marked_key" = "$key" ]; then
    message="boot ${marked_boot:-unknown} died while loading $KERNEL_MODULE from $KMOD_IMAGE_REF on kernel $KERNEL_VERSION (kernel panic, hang or power loss); keeping the in-tree driver and not trying again for this kernel, image and config. To try again, delete $KMM_DAY1_STATE_DIR/load-in-progress"
    log "$message"
    write_status LoadSkippedAfterCrash false "$message"
    exit 1
  fi
  log "a load of another kernel, image or config was interrupted; this one is new, trying it"
  rm -f "$crash_marker"
fi

if module_loaded "$KERNEL_MODULE"; then
  if out_of_tree_loaded; then
    log "the out-of-tree build of $KERNEL_MODULE is loaded already"
    write_status Loaded true
    exit 0
  fi
  if ! listed_for_removal "$KERNEL_MODULE"; then
    refuse ModuleAlreadyLoaded "$KERNEL_MODULE" "module $KERNEL_MODULE is already loaded, probably as the in-tree driver; add it to the in-tree modules to remove so the out-of-tree module can replace it"
  fi
fi

# Coldplug has been triggered (After=systemd-udev-trigger.service); wait until udev has handled the
# events, so that it does not load an in-tree driver behind the worker's back.
udevadm settle --timeout="$udev_settle_timeout" ||
  log "udev still has queued events after ${udev_settle_timeout}s; going on"

mapfile -t loaded_before < <(loaded_modules)
mapfile -t in_tree < <(in_tree_modules_present)
check_removable "${in_tree[@]}"

write_status Loading false
write_worker_config "${in_tree[@]}" || fail WorkerFailed "could not write the worker config $worker_config"
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

podman volume create "$volume" >/dev/null || fail WorkerFailed "could not create podman volume $volume"
podman pod create --name "$pod" >/dev/null || fail WorkerFailed "could not create podman pod $pod"
if ! podman create --pod "$pod" --init-ctr=always -v "$volume:/tmp" "$KMOD_IMAGE_REF" \
  /bin/sh -c "$copy_command" sh "$FIRMWARE_FILES_PATH" >/dev/null; then
  fail WorkerFailed "could not create the init container from $KMOD_IMAGE_REF"
fi
# Before anything is unloaded, the worker image's modinfo reads the copied tree the way the worker's
# `modprobe -d /tmp/opt` will: the module must be there (depmod output under
# /opt/lib/modules/<kernel>) and built for this kernel (vermagic).
if ! checker=$(podman create --pod "$pod" -v "$volume:/tmp" "$WORKER_IMAGE" \
  modinfo -b /tmp/opt -k "$KERNEL_VERSION" "$KERNEL_MODULE"); then
  fail WorkerFailed "could not create the check container from $WORKER_IMAGE"
fi
if ! podman pod start "$pod" >/dev/null; then
  fail WorkerFailed "could not start pod $pod: the init container could not copy /opt/lib/modules${FIRMWARE_FILES_PATH:+ or $FIRMWARE_FILES_PATH} from $KMOD_IMAGE_REF"
fi
check_exit=$(podman wait "$checker")
modinfo_output=$(podman logs "$checker" 2>&1)
log "modinfo of $KERNEL_MODULE in $KMOD_IMAGE_REF:"
printf '%s\n' "$modinfo_output"
if [ "$check_exit" != 0 ]; then
  if [[ $modinfo_output == *"not found"* ]]; then
    refuse ModuleNotInImage "$KERNEL_MODULE" "$KMOD_IMAGE_REF has no module $KERNEL_MODULE under /opt/lib/modules/$KERNEL_VERSION"
  fi
  fail WorkerFailed "modinfo $KERNEL_MODULE in the worker image exited with status ${check_exit:-unknown}"
fi
vermagic=$(printf '%s\n' "$modinfo_output" | sed -n 's/^vermagic:[[:space:]]*//p' | head -n 1)
image_srcversion=$(printf '%s\n' "$modinfo_output" | sed -n 's/^srcversion:[[:space:]]*//p' | head -n 1)
if [ "${vermagic%% *}" != "$KERNEL_VERSION" ]; then
  refuse VermagicMismatch "$KERNEL_MODULE" "$KERNEL_MODULE in $KMOD_IMAGE_REF was built for kernel '${vermagic%% *}' (vermagic '$vermagic'), not for the running $KERNEL_VERSION"
fi

# From here on modules get unloaded: record it where the next boot finds it even after a panic.
if ! printf '%s\n%s\n' "$key" "$(current_boot_id)" | write_durably "$crash_marker"; then
  fail WorkerFailed "could not record the load in $crash_marker (disk full?); not unloading anything without it"
fi
if ! worker=$(podman create --pod "$pod" --user=root --privileged \
  -v "$volume:/tmp" \
  -v "$(host_path /lib/modules):/lib/modules" \
  -v "$worker_config:$container_config" \
  -v "$(host_path "$firmware_dir"):$firmware_dir" \
  "$WORKER_IMAGE" "${worker_args[@]}"); then
  fail WorkerFailed "could not create the worker container from $WORKER_IMAGE"
fi
podman start "$worker" >/dev/null || fail WorkerFailed "could not start the worker container"
worker_exit=$(podman wait "$worker")
log "worker output:"
podman logs "$worker" 2>&1

if [ "$worker_exit" != 0 ]; then
  fail WorkerFailed "the KMM worker exited with status ${worker_exit:-unknown} while loading $KERNEL_MODULE; see this unit's journal"
fi
if ! module_loaded "$KERNEL_MODULE"; then
  fail WorkerFailed "the KMM worker finished but $KERNEL_MODULE is not loaded"
fi
if ! out_of_tree_loaded; then
  fail NotOutOfTreeBuild "$KERNEL_MODULE is loaded but it is not the out-of-tree build from $KMOD_IMAGE_REF (no O taint or another srcversion)"
fi
trap '' TERM
remove_podman_objects
rm -f "$crash_marker"
log "module $KERNEL_MODULE loaded from $KMOD_IMAGE_REF"
write_status Loaded true
