# shellcheck shell=bash
# Shared by the stub commands: they keep their state under $KMM_DAY1_ROOT/.stub and log every call.
STUB="${KMM_DAY1_ROOT:?the stubs run inside a test root}/.stub"
mkdir -p "$STUB"

# Logs one call: the arguments separated by \037, the call ended by \036.
log_call() {
  { printf '%s\037' "$@"; printf '\036'; } >>"$STUB/calls"
}

# The virtual clock is the node's /proc/uptime (whole seconds since boot), which the scripts read for their
# deadlines. Only stubs that stand for waiting (sleep, a slow or hung pull, udevadm settle) advance it.
CLOCK="$KMM_DAY1_ROOT/proc/uptime"
clock_now() {
  local up=0
  read -r up _ 2>/dev/null <"$CLOCK" || true
  printf '%s' "${up%%.*}"
}
set_clock() {
  mkdir -p "${CLOCK%/*}"
  printf '%s.00 0.00\n' "$1" >"$CLOCK"
}

process_group() {
  ps -o pgid= -p $$ | tr -d ' '
}

# advance_clock SECONDS|forever: this process waits that long in virtual time, unless something stops it
# first, as it would on a node:
#   - the unit's TimeoutSec (KMM_STUB_UNIT_DEADLINE, set by the sandbox): SIGTERM to the unit's processes,
#     as systemd sends it; 90 s later (TimeoutStopSec's default) SIGKILL;
#   - an enclosing `timeout` (KMM_STUB_TIMEOUT_DEADLINE, set by the timeout stub): this process dies of its
#     SIGTERM and the timeout stub reports 124.
# Units that run side by side share the clock, so their waits add up: an overestimate, which can make a
# budget look tighter than it is but never hides an overrun.
advance_clock() {
  local now target event='' at='' unit=${KMM_STUB_UNIT_DEADLINE:-} t name
  exec 8>"$STUB/clock.lock"
  flock 8
  now=$(clock_now)
  if [ "$1" = forever ]; then target=''; else target=$((now + $1)); fi
  for name in term kill timeout; do
    case $name in
      term) t=$unit; [ -n "$t" ] && [ "$now" -ge "$t" ] && t='' ;;
      kill) t=${unit:+$((unit + 90))} ;;
      timeout) t=${KMM_STUB_TIMEOUT_DEADLINE:-} ;;
    esac
    [ -n "$t" ] || continue
    [ "$t" -ge "$now" ] || t=$now
    if [ -z "$target" ] || [ "$t" -le "$target" ]; then
      if [ -z "$at" ] || [ "$t" -lt "$at" ]; then event=$name at=$t; fi
    fi
  done
  if [ -z "$event" ]; then
    if [ -z "$target" ]; then
      echo "stub: $0 would wait forever and nothing would stop it" >&2
      exit 99
    fi
    set_clock "$target"
    flock -u 8
    return 0
  fi
  set_clock "$at"
  flock -u 8
  case $event in
    term)
      mkdir -p "$STUB/timed-out"
      touch "$STUB/timed-out/${KMM_STUB_UNIT:-unit}"
      kill -TERM -- "-$(process_group)"
      ;;
    kill)
      touch "$STUB/unit-killed"
      kill -KILL -- "-$(process_group)"
      ;;
  esac
  exit 143
}

# The srcversion of a module built from the image's sources (the same in modinfo and in /sys/module).
image_srcversion() {
  printf '%s' "$1" | sha256sum | cut -c 1-24 | tr a-f A-F
}
