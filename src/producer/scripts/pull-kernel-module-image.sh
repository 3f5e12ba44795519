#!/bin/bash
# Day 1 pull service: runs once the network is up. If the kernel module image for this kernel or the
# worker image is missing from local storage, it pulls both (retrying with bounded backoff) and reboots
# so that the load service finds them before networking. A failed pull never reboots the node: it keeps
# its in-tree driver, the status file says why, and the next boot tries again.
set -u

# shellcheck source=common.sh
. "$(printf '%s%s' "${KMM_DAY1_ROOT:-}" "${KMM_DAY1_LIB:?set by the unit}")"
init_common
readonly attempts=${KMM_DAY1_PULL_ATTEMPTS:-5}
readonly first_delay=${KMM_DAY1_PULL_BACKOFF_SECONDS:-10}
readonly max_delay=120
readonly authfile=/var/lib/kubelet/config.json
# Several Day 1 configs can pull at the same boot; the last one to finish reboots once for all of them.
run_dir=$(host_path /run/kmm-day1)
readonly run_dir

if image_present "$KMOD_IMAGE_REF" && image_present "$WORKER_IMAGE"; then
  log "$KMOD_IMAGE_REF and $WORKER_IMAGE are present; nothing to pull"
  exit 0
fi

mkdir -p "$run_dir/pending"
touch "$run_dir/pending/$KMM_DAY1_NAME"

# Reboots if this was the last pending pull of this boot and any pull succeeded.
finish() {
  local pending
  exec 9>"$run_dir/lock"
  flock 9
  rm -f "$run_dir/pending/$KMM_DAY1_NAME"
  pending=$(find "$run_dir/pending" -mindepth 1 -maxdepth 1 | wc -l)
  if [ "$pending" -gt 0 ]; then
    log "another Day 1 pull is still running; it will reboot the node when it finishes"
  elif [ -e "$run_dir/reboot-requested" ]; then
    log "rebooting so that the kernel modules load before networking"
    reboot
  fi
  flock -u 9
}

# pull IMAGE: logs to stderr (the journal) and prints podman's last error line on failure.
pull() {
  local image=$1 attempt=1 delay=$first_delay output
  while true; do
    if output=$(podman pull --authfile "$authfile" "$image" 2>&1); then
      log "pulled $image" >&2
      return 0
    fi
    output=$(printf '%s\n' "$output" | grep -v '^[[:space:]]*$' | tail -n 1)
    log "pull $attempt/$attempts of $image failed: $output" >&2
    if [ "$attempt" -ge "$attempts" ]; then
      printf '%s' "$output"
      return 1
    fi
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2 > max_delay ? max_delay : delay * 2))
  done
}

write_status Pulling false
for image in "$WORKER_IMAGE" "$KMOD_IMAGE_REF"; do
  if ! error=$(pull "$image"); then
    message="could not pull $image after $attempts attempts: $error"
    log "$message; the node keeps its in-tree driver and retries at the next boot"
    write_status PullFailed false "$message"
    finish
    exit 1
  fi
done

write_status RebootPending false
touch "$run_dir/reboot-requested"
finish
