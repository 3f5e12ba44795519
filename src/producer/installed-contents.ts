import type { IgnitionConfig } from '../k8s/types';
import { decodeDataUrl } from './data-url';
import type { DataUrlContents } from './data-url';

/** A file's contents as a person can review them. */
export type FileContents =
  | DataUrlContents
  /** No source: Ignition writes an empty file. */
  | { kind: 'empty' }
  /** Fetched by Ignition from elsewhere (https, s3, …); only the address can be shown. */
  | { kind: 'remote'; source: string }
  /** Compressed (gzip); only the source's size can be shown. */
  | { kind: 'compressed'; compression: string };

export interface InstalledFile {
  path: string;
  /** The mode in octal as `ls` and `chmod` take it, such as "0755"; undefined when not given. */
  mode?: string;
  /** Owner name or id, when given. */
  user?: string;
  overwrite: boolean;
  contents: FileContents;
}

export interface InstalledUnit {
  name: string;
  /** true or false when the config says; undefined leaves the unit's enablement as it is. */
  enabled?: boolean;
  masked: boolean;
  contents?: string;
  dropins: { name: string; contents?: string }[];
}

const octalMode = (mode: number): string => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;

const fileContents = (
  source: string | undefined,
  compression: string | undefined,
): FileContents => {
  if (source === undefined || source === '') return { kind: 'empty' };
  if (compression) return { kind: 'compressed', compression };
  if (!/^data:/i.test(source)) return { kind: 'remote', source };
  return decodeDataUrl(source);
};

/**
 * Every file and systemd unit an Ignition config installs, with file contents decoded, in the order
 * the config lists them: what will run as root on the nodes, readable before it is created.
 */
export const installedContents = (
  config: IgnitionConfig,
): { files: InstalledFile[]; units: InstalledUnit[] } => ({
  files: (config.storage?.files ?? []).map((file) => ({
    path: file.path,
    mode: file.mode === undefined ? undefined : octalMode(file.mode),
    user: file.user?.name ?? (file.user?.id === undefined ? undefined : String(file.user.id)),
    overwrite: file.overwrite === true,
    contents: fileContents(file.contents?.source, file.contents?.compression),
  })),
  units: (config.systemd?.units ?? []).map((unit) => ({
    name: unit.name,
    enabled: unit.enabled,
    masked: unit.mask === true,
    contents: unit.contents,
    dropins: unit.dropins ?? [],
  })),
});
