/**
 * Container image references, parsed with the grammar podman and the registries use
 * (github.com/distribution/reference), which is stricter than KMM's non-strict check.
 */
import type { ImageReferenceProblem } from './options';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`,
);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/;
/** Longest repository name (domain and path) the registries accept. */
const MAX_IMAGE_NAME_LENGTH = 255;

interface ImageReference {
  /** Registry host, with its port if any. */
  domain: string;
  /** Repository path below the registry. */
  path: string;
  tag?: string;
  digest?: string;
}

export type ParseResult = { reference: ImageReference } | { error: ImageReferenceProblem };

/** Splits `[domain/]path[:tag][@digest]` and checks each part; the domain is required. */
export const parseImageReference = (text: string): ParseResult => {
  if (text.trim() !== text || /\s/.test(text)) {
    return { error: { code: 'imageHasSpaces', params: {} } };
  }
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) {
      return { error: { code: 'imageInvalidDigest', params: { digest } } };
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return { error: { code: 'imageInvalidTag', params: { tag } } };
    }
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const isDomain = /[.:]/.test(first) || first === 'localhost';
  if (!isDomain) {
    return { error: { code: 'imageNoRegistryHost', params: {} } };
  }
  if (!DOMAIN.test(first)) {
    return { error: { code: 'imageInvalidRegistryHost', params: { host: first } } };
  }
  const path = rest.slice(slash + 1);
  const badComponent = path.split('/').find((component) => !PATH_COMPONENT.test(component));
  if (badComponent !== undefined) {
    return { error: { code: 'imageInvalidPathComponent', params: { component: badComponent } } };
  }
  if (rest.length > MAX_IMAGE_NAME_LENGTH) {
    return {
      error: {
        code: 'imageNameTooLong',
        params: { length: rest.length, max: MAX_IMAGE_NAME_LENGTH },
      },
    };
  }
  return { reference: { domain: first, path, tag, digest } };
};
