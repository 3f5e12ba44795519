/**
 * Does `<image>:<tag>` exist? Asked of the registry itself, as skopeo inspect does: a HEAD on the
 * registry's v2 API (`/v2/<repository>/manifests/<tag>`) accepting OCI and Docker manifests and indexes,
 * with the anonymous or credentialed bearer-token flow its `WWW-Authenticate` challenge asks for, or
 * Basic credentials, from a containers-auth.json file. Node only (the CLI).
 */
import { readFileSync } from 'node:fs';
import type { TagCheck } from '../rollout';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const TIMEOUT_MS = 15_000;

export interface Credentials {
  username: string;
  password: string;
}

/** The credentials of a containers-auth.json file: `{"auths": {"<registry>[/<path>]": {"auth": base64("user:password")}}}`. */
export class AuthFile {
  private readonly entries = new Map<string, Credentials>();

  constructor(
    json?: string,
    readonly path?: string,
  ) {
    if (json === undefined) return;
    const parsed = JSON.parse(json) as { auths?: Record<string, { auth?: unknown }> };
    for (const [key, value] of Object.entries(parsed.auths ?? {})) {
      if (typeof value.auth !== 'string' || value.auth === '') continue;
      const decoded = Buffer.from(value.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) continue;
      // Docker's old keys are URLs (https://index.docker.io/v1/); containers-auth.json's are host[/path].
      const name = key
        .replace(/^https?:\/\//, '')
        .replace(/\/v[12]\/?$/, '')
        .replace(/\/$/, '');
      this.entries.set(name === 'index.docker.io' ? 'docker.io' : name, {
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
      });
    }
  }

  /** The most specific entry for `host/repository`: the repository, its parent paths, then the host. */
  credentialsFor(host: string, repository: string): Credentials | undefined {
    const parts = repository.split('/');
    for (let n = parts.length; n >= 0; n--) {
      const key = n === 0 ? host : `${host}/${parts.slice(0, n).join('/')}`;
      const found = this.entries.get(key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

/** Reads an auth file; a missing default file means no credentials. */
export const readAuthFile = (path: string | undefined): AuthFile => {
  if (path === undefined) return new AuthFile();
  return new AuthFile(readFileSync(path, 'utf8'), path);
};

/** The auth file to use: --authfile, else $REGISTRY_AUTH_FILE, else ${XDG_RUNTIME_DIR}/containers/auth.json. */
export const defaultAuthFilePath = (env: NodeJS.ProcessEnv): string | undefined =>
  env.REGISTRY_AUTH_FILE ??
  (env.XDG_RUNTIME_DIR ? `${env.XDG_RUNTIME_DIR}/containers/auth.json` : undefined);

/** `quay.io/acme/ice-kmod` → host quay.io, repository acme/ice-kmod; Docker Hub names as docker does. */
const splitRepository = (image: string): { host: string; repository: string } => {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    return { host: first, repository: image.slice(slash + 1) };
  }
  return { host: 'docker.io', repository: slash < 0 ? `library/${image}` : image };
};

/** Docker Hub's API host; other registries serve their API on their own name. */
const apiHost = (host: string): string => (host === 'docker.io' ? 'registry-1.docker.io' : host);

/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
const parseChallenge = (
  header: string | null,
): { scheme: string; params: Partial<Record<string, string>> } | undefined => {
  if (header === null) return undefined;
  const match = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (match === null) return undefined;
  const params: Partial<Record<string, string>> = {};
  for (const [, key, value] of match[2].matchAll(/(\w+)=("[^"]*"|[^,\s]*)/g)) {
    params[key.toLowerCase()] = value.replace(/^"(.*)"$/, '$1');
  }
  return { scheme: match[1].toLowerCase(), params };
};

const basic = ({ username, password }: Credentials) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

export interface RegistryCheckOptions {
  auth: AuthFile;
  /** http instead of https, for a registry on localhost. */
  plainHttp?: boolean;
}

const describeError = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? cause.message : undefined;
    return detail === undefined ? error.message : `${error.message}: ${detail}`;
  }
  return String(error);
};

/** The token of a token service's JSON answer (`token`, or OAuth's `access_token`), if any. */
const readToken = async (response: Response): Promise<string | undefined> => {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return undefined;
  }
  const { token, access_token: accessToken } = (body ?? {}) as Record<string, unknown>;
  const value = typeof token === 'string' && token !== '' ? token : accessToken;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Asks the registry whether `image:tag` exists; never throws. */
export const checkTagInRegistry = async (
  image: string,
  tag: string,
  { auth, plainHttp = false }: RegistryCheckOptions,
): Promise<TagCheck> => {
  const { host, repository } = splitRepository(image);
  const base = `${plainHttp ? 'http' : 'https'}://${apiHost(host)}`;
  const url = `${base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
  const credentials = auth.credentialsFor(host, repository);
  const head = (authorization?: string) =>
    fetch(url, {
      method: 'HEAD',
      headers: {
        Accept: MANIFEST_TYPES,
        ...(authorization === undefined ? {} : { Authorization: authorization }),
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  try {
    let response = await head();
    if (response.status === 401) {
      const challenge = parseChallenge(response.headers.get('www-authenticate'));
      if (challenge?.scheme === 'bearer' && challenge.params.realm) {
        const tokenUrl = new URL(challenge.params.realm);
        if (challenge.params.service)
          tokenUrl.searchParams.set('service', challenge.params.service);
        tokenUrl.searchParams.set(
          'scope',
          challenge.params.scope ?? `repository:${repository}:pull`,
        );
        const tokenResponse = await fetch(tokenUrl, {
          headers: credentials === undefined ? {} : { Authorization: basic(credentials) },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (tokenResponse.status === 401 || tokenResponse.status === 403) {
          return {
            result: 'unknown',
            reason: 'unauthorized',
            detail: `the token service answered ${String(tokenResponse.status)}${credentials === undefined ? ' and the auth file has no credentials for it' : ' to the auth file’s credentials'}`,
          };
        }
        // Any other failure is the token service's, not a question of credentials.
        if (!tokenResponse.ok) {
          return {
            result: 'unknown',
            reason: 'error',
            detail: `the token service ${tokenUrl.origin} answered HTTP ${String(tokenResponse.status)}`,
          };
        }
        const token = await readToken(tokenResponse);
        if (token === undefined) {
          return {
            result: 'unknown',
            reason: 'error',
            detail: `the token service ${tokenUrl.origin} answered without a token`,
          };
        }
        response = await head(`Bearer ${token}`);
      } else if (challenge?.scheme === 'basic' && credentials !== undefined) {
        response = await head(basic(credentials));
      }
    }
    if (response.ok) return { result: 'found' };
    if (response.status === 404) return { result: 'missing' };
    if (response.status === 401 || response.status === 403) {
      return {
        result: 'unknown',
        reason: 'unauthorized',
        detail:
          credentials === undefined
            ? `${String(response.status)} without credentials: give them with --authfile`
            : `${String(response.status)} with the auth file’s credentials`,
      };
    }
    return { result: 'unknown', reason: 'error', detail: `HTTP ${String(response.status)}` };
  } catch (error) {
    return { result: 'unknown', reason: 'unreachable', detail: describeError(error) };
  }
};
