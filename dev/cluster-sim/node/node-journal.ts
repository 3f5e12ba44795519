/**
 * A node's systemd journal, as far as the simulator knows it: the Day 1 units' own lines (what the
 * scripts print, `kmm-day1[<mc>]: …`, under the script's name) and systemd's lines about those units
 * (Starting, Finished, Failed), across boots. Rendered as `journalctl --utc --output=short-precise`
 * prints it, for the kubelet's node log query (api/node-proxy.ts).
 */

export interface JournalEntry {
  /** Milliseconds since the epoch. */
  time: number;
  /** The boot the entry was written in (the journal's `_BOOT_ID`). */
  bootID: string;
  /** The unit the entry is about (`_SYSTEMD_UNIT` or systemd's `UNIT=`), as `journalctl -u` matches it. */
  unit: string;
  /** SYSLOG_IDENTIFIER: the script's name, or `systemd`. */
  identifier: string;
  pid: number;
  message: string;
}

/** Kept per node; older entries are rotated away, as journald does with its size limit. */
const MAX_ENTRIES = 2000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

/** `Nov 24 03:00:12.000000`: short-precise, in UTC (`--utc`). */
const shortPreciseTime = (ms: number): string => {
  const d = new Date(ms);
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  return `${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(
    d.getUTCMinutes(),
  )}:${two(d.getUTCSeconds())}.${micros}`;
};

export interface JournalQuery {
  units: string[];
  sinceMs?: number;
  untilMs?: number;
  /** `--lines=N` with `--pager-end`: the last N entries. */
  tailLines?: number;
  /** `--grep`: entries whose message matches. */
  pattern?: RegExp;
  /** `--boot N`: 0 is the current boot, -1 the one before. */
  boot?: number;
}

export class NodeJournal {
  private readonly entries: JournalEntry[] = [];
  /** Boot IDs in order, the current one last. */
  readonly boots: string[] = [];
  private nextPid = 1200;

  constructor(readonly hostname: string) {}

  /** A new boot: later entries carry this boot ID. */
  markBoot(bootID: string): void {
    if (this.boots[this.boots.length - 1] !== bootID) this.boots.push(bootID);
  }

  get currentBoot(): string {
    return this.boots[this.boots.length - 1] ?? '';
  }

  /** A PID for a new process (each unit run is one). */
  pid(): number {
    this.nextPid += 1 + (this.nextPid % 7);
    return this.nextPid;
  }

  add(entry: Omit<JournalEntry, 'bootID'> & { bootID?: string }): void {
    this.entries.push({ ...entry, bootID: entry.bootID ?? this.currentBoot });
    if (this.entries.length > MAX_ENTRIES)
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Whether any entry names this unit (`journalctl --field _SYSTEMD_UNIT` lists it). */
  knows(unit: string): boolean {
    return this.entries.some((e) => e.unit === unit);
  }

  /** Everything in the journal (journalctl without `-u`). */
  renderAll(): string {
    return this.render({ units: [...new Set(this.entries.map((e) => e.unit))] });
  }

  /** The lines `journalctl --utc --no-pager --output=short-precise …` prints, each ending in a newline. */
  render(query: JournalQuery): string {
    const units = new Set(query.units);
    let selected = this.entries.filter(
      (e) =>
        units.has(e.unit) &&
        (query.sinceMs === undefined || e.time >= query.sinceMs) &&
        (query.untilMs === undefined || e.time <= query.untilMs) &&
        (query.pattern === undefined || query.pattern.test(e.message)),
    );
    if (query.boot !== undefined) {
      const boot = this.boots.at(query.boot - 1);
      if (boot === undefined)
        return `Data from the specified boot (${String(query.boot)}) is not available: No such boot ID in journal\n`;
      selected = selected.filter((e) => e.bootID === boot);
    }
    if (query.tailLines !== undefined)
      selected = query.tailLines === 0 ? [] : selected.slice(-query.tailLines);
    if (selected.length === 0) return '-- No entries --\n';
    const lines: string[] = [];
    let boot = selected[0].bootID;
    for (const e of selected) {
      // journalctl marks where one boot's entries end and the next one's begin.
      if (e.bootID !== boot) {
        lines.push(`-- Boot ${e.bootID.replace(/-/g, '')} --`);
        boot = e.bootID;
      }
      lines.push(
        `${shortPreciseTime(e.time)} ${this.hostname} ${e.identifier}[${String(e.pid)}]: ${e.message}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
