/** Discovery documents (`/api`, `/apis`, `/apis/<group>`, resource lists) and `/version`. */
import { RESOURCES } from '../core/resources';
import type { ResourceDef } from '../core/resources';

const groups = (): string[] => [...new Set(RESOURCES.map((r) => r.group).filter((g) => g !== ''))];

const versionsOf = (group: string) => {
  const versions = [...new Set(RESOURCES.filter((r) => r.group === group).map((r) => r.version))];
  return versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
};

export const apiVersions = (serverAddress: string) => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
});

export const apiGroup = (group: string) => {
  const versions = versionsOf(group);
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name: group,
    versions,
    preferredVersion: versions[0],
  };
};

export const apiGroupList = () => ({
  kind: 'APIGroupList',
  apiVersion: 'v1',
  groups: groups().map((group) => {
    const { name, versions, preferredVersion } = apiGroup(group);
    return { name, versions, preferredVersion };
  }),
});

const singular = (resource: ResourceDef): string => resource.kind.toLowerCase();

export const apiResourceList = (group: string, version: string) => ({
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: group === '' ? version : `${group}/${version}`,
  resources: RESOURCES.filter((r) => r.group === group && r.version === version).flatMap((r) => [
    {
      name: r.plural,
      singularName: singular(r),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs.includes('delete') ? [...r.verbs, 'deletecollection'] : r.verbs,
      ...(r.shortNames === undefined ? {} : { shortNames: r.shortNames }),
    },
    ...(r.statusSubresource
      ? [
          {
            name: `${r.plural}/status`,
            singularName: '',
            namespaced: r.namespaced,
            kind: r.kind,
            verbs: ['get', 'patch', 'update'],
          },
        ]
      : []),
    ...(r.subresources ?? []).map((sub) => ({
      name: `${r.plural}/${sub}`,
      singularName: '',
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: ['get'],
    })),
  ]),
});

/** Kubernetes 1.32, as OpenShift 4.19 ships it. */
export const versionInfo = () => ({
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.7',
  gitCommit: 'b4f1b1f3c6c6a3a9f8a2d1f5b0c4e3d2a1b0c9d8',
  gitTreeState: 'clean',
  buildDate: '2025-08-05T12:00:00Z',
  goVersion: 'go1.23.9 (Red Hat 1.23.9-1.el9_6) X:strictfipsruntime',
  compiler: 'gc',
  platform: 'linux/amd64',
});

export const rootPaths = () => ({
  paths: [
    '/api',
    '/api/v1',
    '/apis',
    ...groups().flatMap((g) => [
      `/apis/${g}`,
      ...versionsOf(g).map((v) => `/apis/${v.groupVersion}`),
    ]),
    '/healthz',
    '/livez',
    '/readyz',
    '/version',
  ],
});
