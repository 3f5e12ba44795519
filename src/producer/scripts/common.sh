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

# Prints its argument as a YAML double-quoted scalar.
yaml_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# The module name as the kernel lists it under /sys/module: '-' and '_' are the same to modprobe.
sysfs_module_name() {
  printf '%s' "${1//-/_}"
}

module_loaded() {
  [ -f "$(host_path "/sys/module/$(sysfs_module_name "$1")/initstate")" ]
}

image_present() {
  podman image exists "$1" >/dev/null 2>&1
}

current_boot_id() {
  local id=''
  read -r id 2>/dev/null <"$(host_path /proc/sys/kernel/random/boot_id)" || true
  printf '%s' "$id"
}

now_utc() {
  date -u +%Y-%m-%dT%H:%M:%SZ
}

# write_status PHASE MODULE_LOADED(true|false) [LAST_ERROR]
# Writes $KMM_DAY1_STATE_DIR/status.json atomically, for `oc debug node` checks and the console's Verify action.
write_status() {
  local phase=$1 loaded=$2 error=${3:-} dir file tmp now loaded_at=null error_json=null
  dir=$(host_path "$KMM_DAY1_STATE_DIR")
  file="$dir/status.json"
  tmp="$file.tmp.$$"
  now=$(now_utc)
  if [ "$loaded" = true ]; then
    loaded_at=$(json_string "$now")
  fi
  if [ -n "$error" ]; then
    error_json=$(json_string "$error")
  fi
  mkdir -p "$dir" || return 1
  {
    printf '{\n'
    printf '  "machineConfig": %s,\n' "$(json_string "$KMM_DAY1_NAME")"
    printf '  "phase": %s,\n' "$(json_string "$phase")"
    printf '  "kernelVersion": %s,\n' "$(json_string "$KERNEL_VERSION")"
    printf '  "kernelModule": %s,\n' "$(json_string "${KERNEL_MODULE:-}")"
    printf '  "kernelModuleImage": %s,\n' "$(json_string "$KMOD_IMAGE_REF")"
    printf '  "workerImage": %s,\n' "$(json_string "$WORKER_IMAGE")"
    printf '  "moduleLoaded": %s,\n' "$loaded"
    printf '  "lastError": %s,\n' "$error_json"
    printf '  "bootID": %s,\n' "$(json_string "$(current_boot_id)")"
    printf '  "loadedAt": %s,\n' "$loaded_at"
    printf '  "updatedAt": %s\n' "$(json_string "$now")"
    printf '}\n'
  } >"$tmp" && mv -f "$tmp" "$file"
}

# Settings every script needs; fails loudly when the unit did not provide them.
init_common() {
  : "${KMM_DAY1_NAME:?set by the unit}" "${KMM_DAY1_STATE_DIR:?set by the unit}"
  : "${KERNEL_MODULE_IMAGE:?set by the unit}" "${WORKER_IMAGE:?set by the unit}"
  KERNEL_VERSION=$(uname -r)
  KMOD_IMAGE_REF="${KERNEL_MODULE_IMAGE}:${KERNEL_VERSION}"
}
