# shellcheck shell=bash
# Shared by the stub commands: they keep their state under $KMM_DAY1_ROOT/.stub and log every call.
STUB="${KMM_DAY1_ROOT:?the stubs run inside a test root}/.stub"
mkdir -p "$STUB"

# Logs one call: the arguments separated by \037, the call ended by \036.
log_call() {
  { printf '%s\037' "$@"; printf '\036'; } >>"$STUB/calls"
}
