/**
 * Container image references, parsed with the grammar podman and the registries use
 * (github.com/distribution/reference), which is stricter than KMM's non-strict check.
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`,
);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/;
/** Longest repository name (domain and path) the registries accept. */
export const MAX_IMAGE_NAME_LENGTH = 255;

export interface ImageReference {
  /** Registry host, with its port if any. */
  domain: string;
  /** Repository path below the registry. */
  path: string;
  tag?: string;
  digest?: string;
}

export type ParseResult = { reference: ImageReference } | { error: string };

/** Splits `[domain/]path[:tag][@digest]` and checks each part; the domain is required. */
export const parseImageReference = (text: string): ParseResult => {
  if (text.trim() !== text || /\s/.test(text)) {
    return { error: 'must not contain spaces' };
  }
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) {
      return {
        error: `has an invalid digest "@${digest}" (expected "@sha256:" and 64 hex digits)`,
      };
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return {
        error: `has an invalid tag ":${tag}" (up to 128 letters, digits, "_", "." and "-", not starting with "." or "-")`,
      };
    }
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const isDomain = /[.:]/.test(first) || first === 'localhost';
  if (!isDomain) {
    return {
      error:
        'has no registry host; give a fully qualified image such as "quay.io/acme/sfc-kmod" (nodes pull without a terminal, and podman will not guess the registry of a short name)',
    };
  }
  if (!DOMAIN.test(first)) {
    return { error: `has an invalid registry host "${first}"` };
  }
  const path = rest.slice(slash + 1);
  const badComponent = path.split('/').find((component) => !PATH_COMPONENT.test(component));
  if (badComponent !== undefined) {
    return {
      error: `has an invalid repository path component "${badComponent}" (use lowercase letters and digits, separated by ".", "_", "__" or "-")`,
    };
  }
  if (rest.length > MAX_IMAGE_NAME_LENGTH) {
    return {
      error: `is ${String(rest.length)} characters long without its tag; at most ${String(MAX_IMAGE_NAME_LENGTH)} are allowed`,
    };
  }
  return { reference: { domain: first, path, tag, digest } };
};
