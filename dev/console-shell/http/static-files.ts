import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ShellRequest, ShellResponse } from './types';
import * as path from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.otf': 'font/otf',
};

const mimeTypeFor = (file: string): string =>
  MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Resolves a URL path inside `root`, or undefined if it would escape it. */
const resolveInside = (root: string, urlPath: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(`${root}${path.sep}`) ? file : undefined;
};

const isFile = async (file: string): Promise<boolean> => {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
};

export const sendText = (res: ShellResponse, status: number, text: string): void => {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
};

/**
 * Sends `urlPath` from `root` with its MIME type. With `fallback` (the SPA's index.html), paths
 * that are not files get it instead, so that client-side routes survive a reload. Returns
 * whether something was sent.
 */
export const serveFile = async (
  req: ShellRequest,
  res: ShellResponse,
  root: string,
  urlPath: string,
  options: { fallback?: string; noCache?: boolean } = {},
): Promise<void> => {
  const resolvedRoot = path.resolve(root);
  const candidate = resolveInside(resolvedRoot, urlPath);
  let file = candidate && (await isFile(candidate)) ? candidate : undefined;
  // Client routes may contain dots (`/k8s/cluster/machineconfiguration.openshift.io~v1~…`):
  // only paths that end in a known asset extension are real 404s.
  if (!file && options.fallback && !(path.extname(urlPath).toLowerCase() in MIME_TYPES)) {
    file = path.join(resolvedRoot, options.fallback);
    if (!(await isFile(file))) {
      file = undefined;
    }
  }
  if (!file) {
    sendText(res, 404, `Not found: ${urlPath}`);
    return;
  }
  res.writeHead(200, {
    'Content-Type': mimeTypeFor(file),
    // Hashed bundles may be cached; the HTML, manifests and locales must be re-read.
    'Cache-Control':
      options.noCache || /\.(html|json)$/.test(file) ? 'no-cache' : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
};
