# shellcheck shell=bash
# Functions shared by the Day 1 node scripts. Installed next to them and sourced, never executed.
#
# Every host path goes through host_path so that tests can run the scripts against a temporary root
# (KMM_DAY1_ROOT); on a node KMM_DAY1_ROOT is unset and paths are used as they are.

host_path() {
  printf '%s%s' "${KMM_DAY1_ROOT:-}" "$1"
}

log() {
  printf '%s\n' "kmm-day1[${KMM_DAY1_NAME}]: $*"
}

# Prints its argument as a JSON string literal. Control characters other than tab, CR and LF are dropped.
json_string() {
  local s
  s=$(printf '%s' "$1" | tr -d '\000-\010\013\014\016-\037')
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

# json_string, or null for an empty argument.
json_string_or_null() {
  if [ -n "$1" ]; then json_string "$1"; else printf 'null'; fi
}

# Prints its argument as a YAML double-quoted scalar.
yaml_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# The image tag for a kernel version, as kernelImageTag in src/producer/kernel-image-tag.ts: every character
# outside [A-Za-z0-9_.-] becomes '_' (5.14.0-427.el9.aarch64+64k -> 5.14.0-427.el9.aarch64_64k), and so does
# a leading '.' or '-', which a tag cannot start with.
image_tag_for_kernel() {
  local tag
  tag=$(printf '%s' "$1" | LC_ALL=C sed -e 's/[^A-Za-z0-9_.-]/_/g' -e 's/^[.-]/_/')
  printf '%s' "$tag"
}

# The module name as the kernel lists it under /sys/module: '-' and '_' are the same to modprobe.
sysfs_module_name() {
  printf '%s' "${1//-/_}"
}

module_sysfs() {
  host_path "/sys/module/$(sysfs_module_name "$1")"
}

module_loaded() {
  [ -f "$(module_sysfs "$1")/initstate" ]
}

# Names (as /sys/module spells them) of every loaded module, one per line; built-in modules have no
# initstate and are left out.
loaded_modules() {
  local f
  for f in "$(host_path /sys/module)"/*/initstate; do
    [ -f "$f" ] || continue
    f=${f%/initstate}
    printf '%s\n' "${f##*/}"
  done
}

# image_present IMAGE: 0 when the image is in local storage. podman exits 1 for a missing image and 125
# when it cannot read its storage; both mean the image cannot be used, and the exit status is logged.
image_present() {
  local status=0
  podman image exists "$1" >/dev/null 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    log "podman image exists $1 failed with status $status (damaged container storage?)" >&2
  fi
  return "$status"
}

# The ID of a local image (a new push under the same tag gives a new ID), or "unknown".
image_id() {
  local id=''
  id=$(podman image inspect --format '{{.Id}}' "$1" 2>/dev/null) || id=''
  printf '%s' "${id:-unknown}"
}

current_boot_id() {
  local id=''
  read -r id 2>/dev/null <"$(host_path /proc/sys/kernel/random/boot_id)" || true
  printf '%s' "$id"
}

# Whole seconds since boot. /proc/uptime is monotonic, unlike the wall clock that chrony may step at boot.
uptime_seconds() {
  local up=0
  read -r up _ 2>/dev/null <"$(host_path /proc/uptime)" || true
  printf '%s' "${up%%.*}"
}

now_utc() {
  date -u +%Y-%m-%dT%H:%M:%SZ
}

# What a Day 1 run is about, as one line: the kernel, the module image (by reference and ID) and a hash of
# the unit's settings and of this library, which changes with every product version. The crash marker and
# the reboot budget are kept per key, so a new kernel, image, config or product version re-arms them.
day1_key() {
  local generation
  generation=$(
    {
      printf '%s\n' "$KERNEL_MODULE" "$KERNEL_MODULE_IMAGE" "$WORKER_IMAGE" \
        "${IN_TREE_MODULES_TO_REMOVE:-}" "${FIRMWARE_FILES_PATH:-}"
      cat "$(host_path "$KMM_DAY1_LIB")"
    } | sha256sum
  )
  printf 'kernel=%s image=%s@%s config=%s' "$KERNEL_VERSION" "$KMOD_IMAGE_REF" \
    "$(image_id "$KMOD_IMAGE_REF")" "${generation%% *}"
}

# Day 1 reboots already made for KEY: the reboot record holds "<count> <key>" for the last key only.
reboots_used_for() {
  local count key
  if read -r count key 2>/dev/null <"$(host_path "$KMM_DAY1_STATE_DIR/reboots")" &&
    [ "$key" = "$1" ] && [ "$count" -ge 0 ] 2>/dev/null; then
    printf '%s' "$count"
  else
    printf '0'
  fi
}

# Writes FILE with the text on stdin so that it survives a crash right after: temp file, fsync, rename.
write_durably() {
  local file=$1 tmp="$1.tmp"
  if ! { mkdir -p "${file%/*}" && cat >"$tmp" && sync "$tmp" && mv -f -T "$tmp" "$file" && sync -f "$file"; }; then
    rm -f "$tmp"
    return 1
  fi
}

# Status fields other than the phase, set by the scripts before write_status; empty means null.
STATUS_REASON=''
STATUS_BLOCKING_MODULE=''
STATUS_IN_TREE_RESTORED=''
REBOOTS_USED=0

# write_status PHASE MODULE_LOADED(true|false) [LAST_ERROR]
# Writes $KMM_DAY1_STATUS_DIR/status.json (schema: Day1Status in src/rollout/day1-status.ts) for the
# console, which reads it through the kubelet's /var/log endpoint. It is replaced atomically (temp file in
# the same directory, then rename) and is always a regular file. When the disk is full, the temp file and
# the old status are removed, so that an old status can never pass for the current one; a second try then
# often fits in the freed blocks. Returns non-zero when no current status could be written.
write_status() {
  local phase=$1 loaded=$2 error=${3:-} dir file tmp now loaded_at=null try output content
  dir=$(host_path "$KMM_DAY1_STATUS_DIR")
  file="$dir/status.json"
  # A fixed name: an interrupted write leaves at most this one file, which the next write replaces.
  tmp="$dir/.status.json.tmp"
  now=$(now_utc)
  if [ "$loaded" = true ]; then
    loaded_at=$(json_string "$now")
  fi
  mkdir -p "$dir" || return 1
  content=$(
    printf '{\n'
    printf '  "schemaVersion": 1,\n'
    printf '  "machineConfig": %s,\n' "$(json_string "$KMM_DAY1_NAME")"
    printf '  "phase": %s,\n' "$(json_string "$phase")"
    printf '  "kernelVersion": %s,\n' "$(json_string "$KERNEL_VERSION")"
    printf '  "kernelModule": %s,\n' "$(json_string "$KERNEL_MODULE")"
    printf '  "kernelModuleImage": %s,\n' "$(json_string "$KMOD_IMAGE_REF")"
    printf '  "workerImage": %s,\n' "$(json_string "$WORKER_IMAGE")"
    printf '  "bootID": %s,\n' "$(json_string "$(current_boot_id)")"
    printf '  "moduleLoaded": %s,\n' "$loaded"
    printf '  "inTreeRestored": %s,\n' "${STATUS_IN_TREE_RESTORED:-null}"
    printf '  "rebootsUsed": %s,\n' "${REBOOTS_USED:-0}"
    printf '  "reason": %s,\n' "$(json_string_or_null "$STATUS_REASON")"
    printf '  "blockingModule": %s,\n' "$(json_string_or_null "$STATUS_BLOCKING_MODULE")"
    printf '  "lastError": %s,\n' "$(json_string_or_null "$error")"
    printf '  "loadedAt": %s,\n' "$loaded_at"
    printf '  "updatedAt": %s\n' "$(json_string "$now")"
    printf '}'
  )
  for try in 1 2; do
    # One write of the whole text, so that its status is the status of the whole file.
    if output=$(printf '%s\n' "$content" 2>&1 >"$tmp"); then
      # Never rename a symlink into place: the status must be a regular file the kubelet serves.
      if [ -L "$tmp" ] || [ ! -f "$tmp" ]; then
        output="$tmp is not a regular file"
      elif mv -f -T "$tmp" "$file" 2>/dev/null; then
        return 0
      fi
    fi
    log "could not write the status file $file (try $try): ${output:-rename failed}; removing it so that an old status cannot be taken for the current one" >&2
    rm -f "$tmp" "$file"
  done
  log "no status file is left for this run (phase $phase${error:+: $error})" >&2
  return 1
}

# Settings every script needs; fails loudly when the unit did not provide them.
init_common() {
  : "${KMM_DAY1_NAME:?set by the unit}" "${KMM_DAY1_STATE_DIR:?set by the unit}"
  : "${KMM_DAY1_STATUS_DIR:?set by the unit}" "${KMM_DAY1_LIB:?set by the unit}"
  : "${KERNEL_MODULE_IMAGE:?set by the unit}" "${WORKER_IMAGE:?set by the unit}"
  : "${KERNEL_MODULE:?set by the unit}"
  KERNEL_VERSION=$(uname -r)
  KMOD_IMAGE_REF="${KERNEL_MODULE_IMAGE}:$(image_tag_for_kernel "$KERNEL_VERSION")"
}
