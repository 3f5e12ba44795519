/**
 * The simulated container registry: which `<repository>:<tag>` exist and which repositories need
 * credentials. ImageStreamImports ask it without credentials (no namespace pull secret in the
 * simulator); nodes pull with the cluster pull secret, which holds credentials for every repository.
 */
import { createHash } from 'node:crypto';

interface ImageFound {
  found: true;
  repository: string;
  tag: string;
  digest: string;
}

export interface ImageMissing {
  found: false;
  repository: string;
  tag: string;
  reason: 'NotFound' | 'Unauthorized';
}

export type ImageLookup = ImageFound | ImageMissing;

/** Splits `registry/path[:tag][@digest]` into repository and tag (a digest counts as the tag). */
const splitImage = (reference: string): { repository: string; tag: string } => {
  const at = reference.indexOf('@');
  if (at >= 0) return { repository: reference.slice(0, at), tag: reference.slice(at + 1) };
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash)
    return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
  return { repository: reference, tag: 'latest' };
};

const digestOf = (reference: string): string =>
  `sha256:${createHash('sha256').update(reference).digest('hex')}`;

export class Registry {
  private readonly tags = new Map<string, Set<string>>();
  private readonly privateRepositories = new Set<string>();

  /** Adds `repository:tag` references (a missing tag means `latest`). */
  add(references: Iterable<string>): void {
    for (const reference of references) {
      const { repository, tag } = splitImage(reference);
      let tags = this.tags.get(repository);
      if (tags === undefined) {
        tags = new Set();
        this.tags.set(repository, tags);
      }
      tags.add(tag);
    }
  }

  remove(references: Iterable<string>): void {
    for (const reference of references) {
      const { repository, tag } = splitImage(reference);
      this.tags.get(repository)?.delete(tag);
    }
  }

  /** Marks repositories as needing credentials. */
  makePrivate(repositories: Iterable<string>): void {
    for (const repository of repositories) this.privateRepositories.add(repository);
  }

  clear(): void {
    this.tags.clear();
    this.privateRepositories.clear();
  }

  lookup(reference: string, withCredentials: boolean): ImageLookup {
    const { repository, tag } = splitImage(reference);
    if (this.privateRepositories.has(repository) && !withCredentials) {
      return { found: false, repository, tag, reason: 'Unauthorized' };
    }
    const tags = this.tags.get(repository);
    const found = tags !== undefined && (tags.has(tag) || tag.startsWith('sha256:'));
    if (!found) return { found: false, repository, tag, reason: 'NotFound' };
    return { found: true, repository, tag, digest: digestOf(`${repository}:${tag}`) };
  }

  toJSON(): { images: string[]; private: string[] } {
    const images = [...this.tags].flatMap(([repository, tags]) =>
      [...tags].map((tag) => `${repository}:${tag}`),
    );
    return { images: images.sort(), private: [...this.privateRepositories].sort() };
  }
}

/** podman's last error line for a failed pull, as the pull script records it. */
export const podmanPullError = (reference: string, lookup: ImageMissing): string => {
  const detail =
    lookup.reason === 'Unauthorized'
      ? 'unauthorized: access to the requested resource is not authorized'
      : 'manifest unknown';
  return `Error: initializing source docker://${reference}: reading manifest ${lookup.tag} in ${lookup.repository}: ${detail}`;
};
