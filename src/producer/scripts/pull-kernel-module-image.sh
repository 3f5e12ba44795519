#!/bin/bash
# Day 1 pull service: runs once the network is up and before the kubelet, so that its reboot happens
# while MCO still holds the node (drained, cordoned, counted as updating). If the kernel module image for
# this kernel or the worker image is missing from local storage, it pulls both and reboots so that the
# load service finds them before networking. It never reboots after a failed pull, reboots at most once
# per (config, kernel, image) and finishes within a fixed budget, so a broken registry delays the kubelet
# by minutes, and a failed pull leaves the node on its in-tree driver with the reason in the status file.
set -u

# shellcheck source=common.sh
. "$(printf '%s%s' "${KMM_DAY1_ROOT:-}" "${KMM_DAY1_LIB:?set by the unit}")"
init_common
readonly attempts=${KMM_DAY1_PULL_ATTEMPTS:-5}
readonly first_delay=${KMM_DAY1_PULL_BACKOFF_SECONDS:-10}
readonly max_delay=120
# Time budget, inside the unit's TimeoutSec=600 (machine-config.ts): the dispatcher wait (ExecStartPre)
# takes at most 60 s; all pulls and the backoff between them end within pull_budget (420 s) of this
# script's start, and a pull that outlives its share gets SIGTERM from `timeout`, then SIGKILL 10 s later.
# Worst case 60 + 420 + 10 = 490 s, leaving 110 s for podman's start-up, status writes and the reboot call.
readonly pull_budget=${KMM_DAY1_PULL_BUDGET_SECONDS:-420}
readonly pull_timeout=180
readonly kill_after=10
readonly authfile=/var/lib/kubelet/config.json
# Several Day 1 configs can pull at the same boot; the last one to finish reboots once for all of them.
run_dir=$(host_path /run/kmm-day1)
readonly run_dir
reboot_record=$(host_path "$KMM_DAY1_STATE_DIR/reboots")
readonly reboot_record
deadline=$(($(uptime_seconds) + pull_budget))
readonly deadline
activity='checking local images'

if image_present "$KMOD_IMAGE_REF" && image_present "$WORKER_IMAGE"; then
  log "$KMOD_IMAGE_REF and $WORKER_IMAGE are present; nothing to pull"
  exit 0
fi

# Reboots if this was the last pending pull of this boot and any pull asked for a reboot. A pending marker
# holds the PID of its pull; one whose process is gone (killed with SIGKILL) is stale and removed, so it can
# never make another config skip its reboot.
finish() {
  local marker pid pending=0
  exec 9>"$run_dir/lock"
  flock 9
  rm -f "$run_dir/pending/$KMM_DAY1_NAME"
  for marker in "$run_dir"/pending/*; do
    [ -f "$marker" ] || continue
    pid=''
    read -r pid 2>/dev/null <"$marker" || true
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      pending=$((pending + 1))
    else
      log "removing the stale pending marker ${marker##*/} (its pull is gone)"
      rm -f "$marker"
    fi
  done
  if [ "$pending" -gt 0 ]; then
    log "another Day 1 pull is still running; it will reboot the node when it finishes"
  elif [ -e "$run_dir/reboot-requested" ]; then
    log "rebooting so that the kernel modules load before networking"
    reboot
  fi
  flock -u 9
}

# systemd stops the unit with SIGTERM at TimeoutSec (or at shutdown): say so, and leave no marker behind.
on_term() {
  trap '' TERM
  STATUS_REASON=Interrupted
  local message="the pull service was stopped (TimeoutSec or shutdown) while $activity; the node keeps its in-tree driver and retries at the next boot"
  log "$message"
  write_status PullFailed false "$message"
  finish
  exit 143
}

# pull IMAGE: logs to stderr (the journal) and prints podman's last error line on failure.
pull() {
  local image=$1 attempt=1 delay=$first_delay output status remaining limit
  while true; do
    remaining=$((deadline - $(uptime_seconds)))
    if [ "$remaining" -le 0 ]; then
      printf 'no time left within the %ss pull budget' "$pull_budget"
      return 1
    fi
    limit=$((remaining < pull_timeout ? remaining : pull_timeout))
    status=0
    output=$(timeout --kill-after="$kill_after" "$limit" podman pull --authfile "$authfile" "$image" 2>&1) ||
      status=$?
    if [ "$status" = 0 ]; then
      log "pulled $image" >&2
      return 0
    fi
    if [ "$status" = 124 ] || [ "$status" = 137 ]; then
      output="the pull did not finish within ${limit}s"
    else
      output=$(printf '%s\n' "$output" | grep -v '^[[:space:]]*$' | tail -n 1)
    fi
    log "pull $attempt/$attempts of $image failed: $output" >&2
    if [ "$attempt" -ge "$attempts" ]; then
      printf 'failed %s times: %s' "$attempts" "$output"
      return 1
    fi
    if [ $(($(uptime_seconds) + delay)) -ge "$deadline" ]; then
      printf 'failed %s times, no time left within the %ss pull budget for another: %s' \
        "$attempt" "$pull_budget" "$output"
      return 1
    fi
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2 > max_delay ? max_delay : delay * 2))
  done
}

mkdir -p "$run_dir/pending"
printf '%s\n' "$$" >"$run_dir/pending/$KMM_DAY1_NAME"
trap on_term TERM
REBOOTS_USED=$(reboots_used_for "$(day1_key)")

write_status Pulling false
for image in "$WORKER_IMAGE" "$KMOD_IMAGE_REF"; do
  activity="pulling $image"
  if ! error=$(pull "$image"); then
    STATUS_REASON=PullFailed
    message="could not pull $image: $error"
    log "$message; the node keeps its in-tree driver and retries at the next boot"
    write_status PullFailed false "$message"
    finish
    exit 1
  fi
done

# At most one Day 1 reboot per (config, kernel, image): when the images vanish after every reboot (kubelet
# image garbage collection) or podman cannot see them (damaged storage), rebooting again would loop.
activity='deciding on the reboot'
key=$(day1_key)
REBOOTS_USED=$(reboots_used_for "$key")
if [ "$REBOOTS_USED" -ge 1 ]; then
  message="the images are pulled, but a Day 1 reboot was already made for kernel $KERNEL_VERSION and $KMOD_IMAGE_REF, and the load service still did not find them; not rebooting again (the module loads at the next reboot if the images are still there). To allow another reboot, delete $KMM_DAY1_STATE_DIR/reboots"
  log "$message"
  write_status RebootBudgetExhausted false "$message"
  finish
  exit 1
fi
if ! printf '1 %s\n' "$key" | write_durably "$reboot_record"; then
  message="could not record the reboot in $reboot_record (disk full?); not rebooting without it"
  log "$message"
  write_status RebootBudgetExhausted false "$message"
  finish
  exit 1
fi
REBOOTS_USED=1
write_status RebootPending false
touch "$run_dir/reboot-requested"
finish
