/**
 * The API server's proxy to a node's kubelet, `/api/v1/nodes/<node>/proxy/<path>`, for the kubelet's
 * `/logs/` endpoint: `get` on `nodes/proxy`, then a connection to the kubelet that fails as a dial fails
 * when the node is down (500, `error trying to reach service: dial tcp <ip>:10250: …`, the Status the API
 * server makes of an error that is not a Status), or the kubelet's own answer:
 *
 * - without a node log query, Go's `http.FileServer` over `/var/log` (kubelet.go: `http.StripPrefix(
 *   "/logs/", http.FileServer(http.Dir("/var/log/")))`): directory listings (`<pre>` with one
 *   `<a href="name">name</a>` per entry, directories with a trailing `/`), a directory without its
 *   trailing slash redirected (301, relative Location), files as they are, `404 page not found`;
 * - with one (any of `query`, `sinceTime`, `untilTime`, `tailLines`, `pattern`, `boot` with a value;
 *   kubelet_server_journal.go `newNodeLogQuery`): 400 for unparsable values, 406 `path not allowed in
 *   query mode` for any path but `/logs/`, 406 for what `validate()` refuses, else the journal of the
 *   queried services (`journalctl --utc --no-pager --output=short-precise`), or one file under /var/log.
 *   Parameters it does not know (`?x=1`) do not make a query: the file is served as without them.
 * - `/logs/journal`, which OpenShift's kubelet keeps for `oc adm node-logs` (it sends `unit=` and the same
 *   value as `query=`, `tail=` and `tailLines=`, `grep=` and `pattern=`): the journal of those units.
 */
import { posix } from 'node:path';
import type { NodeObject } from '../core/kube-types';
import type { NodeJournal } from '../node/node-journal';

/** What the kubelet answers (the API server passes it through). */
export interface KubeletAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the kubelet of one node serves from. */
export interface KubeletNode {
  /** Files the node's units wrote, by absolute path. */
  files: ReadonlyMap<string, string>;
  journal: NodeJournal;
}

/** How the served status files are damaged (faults). */
export interface StatusFileFaults {
  corrupt: boolean;
  stale: boolean;
}

const LOG_DIR = '/var/log';

/** Directories every RHCOS node has under /var/log (empty here). */
const BASE_DIRECTORIES = ['audit', 'containers', 'crio', 'journal', 'openvswitch', 'pods'];

const KUBELET_PORT = 10250;

/** `http.Error`: plain text with a newline, as Go writes it. */
const textError = (status: number, message: string): KubeletAnswer => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  body: `${message}\n`,
});

const pageNotFound = (): KubeletAnswer => textError(404, '404 page not found');

/** Go's localRedirect: a relative Location, the query kept, no body. */
const localRedirect = (location: string, rawQuery: string): KubeletAnswer => ({
  status: 301,
  headers: { Location: rawQuery === '' ? location : `${location}?${rawQuery}` },
  body: '',
});

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&#34;',
  "'": '&#39;',
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** url.URL{Path: name}.String() for a relative name (a `:` in the first segment gets `./`). */
const hrefOf = (name: string): string => {
  const escaped = name.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => encodeURIComponent(c));
  return /^[^/]*:/.test(escaped) ? `./${escaped}` : escaped;
};

const contentTypeOf = (name: string): string => {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
};

/** The node's /var/log as the kubelet sees it. */
class LogTree {
  constructor(private readonly files: ReadonlyMap<string, string>) {}

  /** Absolute path for a cleaned name under /var/log (`/` is /var/log itself). */
  private full(name: string): string {
    return name === '/' ? LOG_DIR : `${LOG_DIR}${name}`;
  }

  file(name: string): string | undefined {
    return this.files.get(this.full(name));
  }

  isDirectory(name: string): boolean {
    if (name === '/') return true;
    const full = this.full(name);
    if (BASE_DIRECTORIES.some((d) => `${LOG_DIR}/${d}` === full)) return true;
    return [...this.files.keys()].some((path) => path.startsWith(`${full}/`));
  }

  /** Entries of a directory: names, directories with a trailing slash, sorted as Go sorts them. */
  entries(name: string): string[] {
    const full = this.full(name);
    const names = new Set<string>(name === '/' ? BASE_DIRECTORIES.map((d) => `${d}/`) : []);
    for (const path of this.files.keys()) {
      if (!path.startsWith(`${full}/`)) continue;
      const [first, ...more] = path.slice(full.length + 1).split('/');
      names.add(more.length > 0 ? `${first}/` : first);
    }
    // Go sorts by name without the slash; a trailing slash does not change the order of distinct names.
    return [...names].sort((a, b) => {
      const x = a.replace(/\/$/, '');
      const y = b.replace(/\/$/, '');
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
}

/** Go's dirList (net/http/fs.go), as Go 1.22 and later write it. */
const directoryListing = (entries: string[]): KubeletAnswer => ({
  status: 200,
  headers: { 'Content-Type': 'text/html; charset=utf-8' },
  body: [
    '<!doctype html>\n',
    '<meta name="viewport" content="width=device-width">\n',
    '<pre>\n',
    ...entries.map((name) => `<a href="${hrefOf(name)}">${escapeHtml(name)}</a>\n`),
    '</pre>\n',
  ].join(''),
});

/** A previous boot's ID for a stale file: the boot before the current one, or one from before the simulation. */
const earlierBoot = (journal: NodeJournal, bootID: string): string => {
  const boots = journal.boots.filter((b) => b !== bootID);
  return boots[boots.length - 1] ?? '6c1f3d0a-4b1e-4f7d-9a63-0d2c4e5b8f10';
};

/** A status file as served, with the faults applied. */
const servedText = (
  name: string,
  text: string,
  node: KubeletNode,
  faults: StatusFileFaults,
): string => {
  if (!name.endsWith('/status.json')) return text;
  let served = text;
  if (faults.stale) {
    served = served.replace(
      /"bootID": "([^"]*)"/,
      (_match, bootID: string) => `"bootID": "${earlierBoot(node.journal, bootID)}"`,
    );
  }
  // Cut short, as a write the node did not finish leaves it: not JSON.
  if (faults.corrupt) served = served.slice(0, Math.floor(served.length / 2));
  return served;
};

/** http.FileServer on /var/log, for the path left after StripPrefix("/logs/"). */
const serveFile = (
  node: KubeletNode,
  faults: StatusFileFaults,
  stripped: string,
  rawQuery: string,
): KubeletAnswer => {
  const upath = stripped.startsWith('/') ? stripped : `/${stripped}`;
  if (upath.endsWith('/index.html')) return localRedirect('./', rawQuery);
  const name = posix.resolve('/', upath);
  const tree = new LogTree(node.files);
  if (tree.isDirectory(name)) {
    if (!upath.endsWith('/')) return localRedirect(`${posix.basename(upath)}/`, rawQuery);
    return directoryListing(tree.entries(name));
  }
  const text = tree.file(name);
  if (text === undefined) return pageNotFound();
  if (upath.endsWith('/')) return localRedirect(`../${posix.basename(upath)}`, rawQuery);
  return {
    status: 200,
    headers: { 'Content-Type': contentTypeOf(name), 'Accept-Ranges': 'bytes' },
    body: servedText(name, text, node, faults),
  };
};

/** A node log query (kubelet_server_journal.go nodeLogQuery). */
interface NodeLogQuery {
  services: string[];
  files: string[];
  sinceTime?: number;
  untilTime?: number;
  tailLines?: number;
  boot?: number;
  pattern: string;
}

const hasOptions = (q: NodeLogQuery): boolean =>
  q.sinceTime !== undefined ||
  q.untilTime !== undefined ||
  q.tailLines !== undefined ||
  q.boot !== undefined ||
  q.pattern !== '';

/** Go's %q of a string (close enough for what a URL can carry). */
const quoted = (value: string): string => JSON.stringify(value);

/** Go's %#v of a []string. */
const goStrings = (values: string[]): string => `[]string{${values.map(quoted).join(', ')}}`;

/** errs.ToAggregate().Error(): one error as it is, several in brackets. */
const aggregate = (errors: string[]): string =>
  errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const atoi = (value: string): number | undefined =>
  /^[+-]?\d+$/.test(value) ? Number(value) : undefined;

const atoiError = (field: string, value: string): string =>
  `${field}: Invalid value: ${quoted(value)}: strconv.Atoi: parsing ${quoted(value)}: invalid syntax`;

/** newNodeLogQuery: null when the request is no query at all (a plain file request). */
const parseNodeLogQuery = (
  params: URLSearchParams,
): { query: NodeLogQuery | null; errors: string[] } => {
  const errors: string[] = [];
  const q: NodeLogQuery = { services: [], files: [], pattern: '' };
  const queries = params.getAll('query');
  for (const value of queries) {
    // A slash or backslash means a file under /var/log.
    if (/[/\\]/.test(value)) q.files.push(value);
    else if (value.trim() !== '') q.services.push(value);
  }
  if (params.has('query') && q.files.length === 0 && q.services.length === 0) {
    errors.push(`query: Invalid value: ${goStrings(queries)}: query cannot be empty`);
  }
  for (const field of ['sinceTime', 'untilTime'] as const) {
    const value = params.get(field) ?? '';
    if (value === '') continue;
    if (RFC3339.test(value) && !Number.isNaN(Date.parse(value))) q[field] = Date.parse(value);
    else errors.push(`${field}: Invalid value: ${quoted(value)}: invalid time format`);
  }
  for (const field of ['boot', 'tailLines'] as const) {
    const value = params.get(field) ?? '';
    if (value === '') continue;
    const number = atoi(value);
    if (number === undefined) errors.push(atoiError(field, value));
    else q[field] = number;
  }
  q.pattern = params.get('pattern') ?? '';
  if (errors.length > 0) return { query: null, errors };
  const empty = q.services.length === 0 && q.files.length === 0 && !hasOptions(q);
  return { query: empty ? null : q, errors };
};

const UNSAFE_SERVICE_CHARACTERS = /[^a-zA-Z\-_.:0-9@]+/;
const MAX_SERVICES = 4;
const MAX_TAIL_LINES = 100_000;

/** nodeLogQuery.validate(): what makes the kubelet answer 406. */
const validateQuery = (q: NodeLogQuery, tree: LogTree): string[] => {
  const errors: string[] = [];
  for (const service of q.services) {
    if (service.length > 256)
      errors.push(`query: Invalid value: ${quoted(service)}: length must be less than 100`);
    else if (UNSAFE_SERVICE_CHARACTERS.test(service))
      errors.push(
        `query: Invalid value: ${quoted(service)}: input contains unsupported characters`,
      );
  }
  if (q.services.length > MAX_SERVICES)
    errors.push(
      `query: Too many: ${String(q.services.length)}: must have at most ${String(MAX_SERVICES)} items`,
    );
  if (q.files.length === 0 && q.services.length === 0) {
    errors.push('query: Required value: cannot be empty with options');
  } else if (q.files.length > 0 && q.services.length > 0) {
    errors.push(
      `query: Invalid value: ${quoted(`[${q.files.join(' ')}], [${q.services.join(' ')}]`)}: cannot specify a file and service`,
    );
  } else if (q.files.length > 1) {
    errors.push(`query: Invalid value: ${goStrings(q.files)}: cannot specify more than one file`);
  } else if (q.files.length === 1 && hasOptions(q)) {
    errors.push(`query: Invalid value: ${goStrings(q.files)}: cannot specify file with options`);
  } else if (q.files.length === 1) {
    const name = posix.resolve('/', q.files[0].replace(/\\/g, '/'));
    if (tree.file(name) === undefined && !tree.isDirectory(name))
      errors.push(
        `query: Invalid value: ${goStrings(q.files)}: stat ${LOG_DIR}${name}: no such file or directory`,
      );
  }
  if (q.sinceTime !== undefined && q.untilTime !== undefined && q.sinceTime > q.untilTime)
    errors.push(
      `untilTime: Invalid value: ${quoted(new Date(q.untilTime).toISOString())}: must be after \`sinceTime\``,
    );
  if (q.boot !== undefined && q.boot > 0)
    errors.push(`boot: Invalid value: ${String(q.boot)}: must be less than 1`);
  if (q.tailLines !== undefined && (q.tailLines < 0 || q.tailLines > MAX_TAIL_LINES))
    errors.push(
      `tailLines: Invalid value: ${String(q.tailLines)}: must be between 0 and ${String(MAX_TAIL_LINES)}, inclusive`,
    );
  try {
    new RegExp(q.pattern);
  } catch (error) {
    errors.push(
      `pattern: Invalid value: ${quoted(q.pattern)}: error parsing regexp: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return errors;
};

const journalAnswer = (body: string): KubeletAnswer => ({
  status: 200,
  headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
  body,
});

/**
 * The journal of the queried services. A service the journal has never heard of is looked for as a log
 * file (`/var/log/<s>`, `<s>.log`, `<s>/<s>.log`), as the kubelet's heuristics do.
 */
const serveJournal = (node: KubeletNode, q: NodeLogQuery): KubeletAnswer => {
  const native = q.services.filter((s) => node.journal.knows(s));
  const fileLoggers = q.services.filter((s) => !node.journal.knows(s));
  let body =
    native.length > 0
      ? node.journal.render({
          units: native,
          sinceMs: q.sinceTime,
          untilMs: q.untilTime,
          tailLines: q.tailLines,
          pattern: q.pattern === '' ? undefined : new RegExp(q.pattern),
          boot: q.boot,
        })
      : '';
  if (fileLoggers.length > 0 && hasOptions(q)) {
    return journalAnswer(
      `${body}\noptions present and query resolved to log files for [${fileLoggers.join(' ')}]\ntry without specifying options\n`,
    );
  }
  const tree = new LogTree(node.files);
  for (const service of fileLoggers) {
    const text = [`/${service}`, `/${service}.log`, `/${service}/${service}.log`]
      .map((name) => tree.file(posix.resolve('/', name)))
      .find((t) => t !== undefined);
    body += text ?? `\nlog not found for ${service}\n`;
  }
  return journalAnswer(body);
};

/**
 * `/logs/journal` on OpenShift's kubelet: `unit=` (or `query=`) names the units, `tail`/`tailLines`,
 * `grep`/`pattern`, `since`/`sinceTime`, `until`/`untilTime` and `boot` narrow them.
 */
const openshiftJournal = (node: KubeletNode, params: URLSearchParams): KubeletAnswer => {
  const merged = new URLSearchParams();
  const units = params.getAll('query').length > 0 ? params.getAll('query') : params.getAll('unit');
  for (const unit of units) merged.append('query', unit);
  const pairs: [string, string][] = [
    ['tailLines', 'tail'],
    ['pattern', 'grep'],
    ['sinceTime', 'since'],
    ['untilTime', 'until'],
    ['boot', 'boot'],
  ];
  for (const [name, legacy] of pairs) {
    const value = params.get(name) ?? params.get(legacy) ?? '';
    if (value !== '') merged.set(name, value);
  }
  const { query, errors } = parseNodeLogQuery(merged);
  if (errors.length > 0) return textError(400, aggregate(errors));
  const q = query ?? { services: [], files: [], pattern: '' };
  // Without units, the whole journal: every unit it knows.
  if (q.services.length === 0 && q.files.length === 0)
    return journalAnswer(node.journal.renderAll());
  const problems = validateQuery(q, new LogTree(node.files));
  if (problems.length > 0) return textError(406, aggregate(problems));
  return serveJournal(node, q);
};

/**
 * The kubelet's answer to GET <path> (the path after `/proxy`, e.g. `/logs/kmm-day1/`, percent-decoded)
 * with these query parameters.
 */
export const kubeletGet = (
  node: KubeletNode,
  faults: StatusFileFaults,
  path: string,
  params: URLSearchParams,
): KubeletAnswer => {
  // Only /logs/ is simulated; "/logs" itself matches the route but not StripPrefix("/logs/").
  if (!path.startsWith('/logs/')) return pageNotFound();
  const stripped = path.slice('/logs/'.length);
  if (stripped === 'journal' || stripped === 'journal/') return openshiftJournal(node, params);
  const { query, errors } = parseNodeLogQuery(params);
  if (errors.length > 0) return textError(400, aggregate(errors));
  if (query !== null) {
    if (stripped !== '' && stripped !== '/')
      return textError(406, 'path not allowed in query mode');
    const problems = validateQuery(query, new LogTree(node.files));
    if (problems.length > 0) return textError(406, aggregate(problems));
    if (query.services.length > 0) return serveJournal(node, query);
    return serveFile(node, faults, query.files[0].replace(/\\/g, '/'), params.toString());
  }
  return serveFile(node, faults, stripped, params.toString());
};

/** The node's address the API server dials (InternalIP, as --kubelet-preferred-address-types puts first). */
const kubeletAddress = (node: NodeObject): string => {
  const addresses = (node.status as { addresses?: { type: string; address: string }[] }).addresses;
  const internal = addresses?.find((a) => a.type === 'InternalIP') ?? addresses?.[0];
  return `${internal?.address ?? node.metadata.name}:${String(KUBELET_PORT)}`;
};

/**
 * The Status the API server answers when the dial fails: its proxy's error is not a Status, so it
 * becomes a 500 with no reason and the error as the message.
 */
export const unreachableStatus = (
  node: NodeObject,
  reachability: 'kubeletStopped' | 'down',
): Record<string, unknown> => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: `error trying to reach service: dial tcp ${kubeletAddress(node)}: connect: ${
    reachability === 'down' ? 'no route to host' : 'connection refused'
  }`,
  code: 500,
});
