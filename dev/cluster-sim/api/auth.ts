/**
 * The two users of dev/README.md, identified by bearer token: `admin` (kube:admin, may do everything) and
 * `read-only` (get, list and watch only, as the cluster-reader role: not `nodes/proxy`, which reads the
 * nodes' logs through the kubelet). Errors and access-review answers are worded as RBAC words them.
 */
import { ApiError, unauthorized } from './status';
import type { ResourceDef, Verb } from '../core/resources';
import { groupResource } from '../core/resources';

export interface User {
  token: string;
  name: string;
  groups: string[];
  readOnly: boolean;
}

const USERS: User[] = [
  {
    token: 'admin',
    name: 'kube:admin',
    groups: ['system:cluster-admins', 'system:authenticated'],
    readOnly: false,
  },
  {
    token: 'read-only',
    name: 'read-only',
    groups: ['system:authenticated:oauth', 'system:authenticated'],
    readOnly: true,
  },
];

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** Prefix of the WebSocket subprotocol that carries a bearer token (browsers cannot set headers). */
export const BEARER_PROTOCOL_PREFIX = 'base64url.bearer.authorization.k8s.io.';

const tokenFromProtocols = (protocols: string | undefined): string | undefined => {
  for (const protocol of (protocols ?? '').split(',').map((p) => p.trim())) {
    if (protocol.startsWith(BEARER_PROTOCOL_PREFIX)) {
      return Buffer.from(protocol.slice(BEARER_PROTOCOL_PREFIX.length), 'base64url').toString();
    }
  }
  return undefined;
};

/** The user a request is made as, from `Authorization: Bearer` or the WebSocket bearer subprotocol. */
export const authenticate = (headers: {
  authorization?: string;
  'sec-websocket-protocol'?: string;
}): User => {
  const header = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  const token = header?.[1] ?? tokenFromProtocols(headers['sec-websocket-protocol']);
  const user = USERS.find((u) => u.token === token);
  if (user === undefined) throw unauthorized();
  return user;
};

interface ResourceAttributes {
  verb: string;
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  namespace?: string;
}

/** Subresources cluster-reader does not grant even for reading: the kubelet's API behind the node proxy. */
const PRIVILEGED_SUBRESOURCES = new Set(['nodes/proxy']);

const isAllowed = (user: User, verb: string, resource = '', subresource = ''): boolean =>
  !user.readOnly ||
  (READ_VERBS.has(verb) && !PRIVILEGED_SUBRESOURCES.has(`${resource}/${subresource}`));

/** Why RBAC allowed the request, as a SelfSubjectAccessReview reports it. */
const allowedReason = (user: User): string =>
  user.readOnly
    ? `RBAC: allowed by ClusterRoleBinding "read-only-cluster-reader" of ClusterRole "cluster-reader" to User "${user.name}"`
    : 'RBAC: allowed by ClusterRoleBinding "cluster-admins" of ClusterRole "cluster-admin" to Group "system:cluster-admins"';

/**
 * Throws 403 Forbidden unless the user may do `verb`. The message is the API server's:
 * `machineconfigs.machineconfiguration.openshift.io is forbidden: User "read-only" cannot create
 * resource "machineconfigs" in API group "machineconfiguration.openshift.io" at the cluster scope`.
 */
export const authorize = (
  user: User,
  verb: Verb | 'deletecollection',
  resource: ResourceDef,
  options: { name?: string; namespace?: string; subresource?: string } = {},
): void => {
  const { name, namespace, subresource } = options;
  // Every authenticated user may ask what it may do (system:basic-user).
  if (
    isAllowed(user, verb, resource.plural, subresource) ||
    resource.plural === 'selfsubjectaccessreviews'
  )
    return;
  const what =
    name === undefined ? groupResource(resource) : `${groupResource(resource)} "${name}"`;
  const resourceName =
    subresource === undefined ? resource.plural : `${resource.plural}/${subresource}`;
  const scope =
    namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  throw new ApiError(
    403,
    'Forbidden',
    `${what} is forbidden: User "${user.name}" cannot ${verb} resource "${resourceName}" in API group "${resource.group}" ${scope}`,
    { name, group: resource.group || undefined, kind: resource.plural },
  );
};

interface AccessReviewSpec {
  resourceAttributes?: ResourceAttributes;
  nonResourceAttributes?: { path?: string; verb?: string };
}

/**
 * The status of a SelfSubjectAccessReview: everything for admin, reads for read-only (with RBAC's
 * wording of why), and no reason when RBAC denies, as RBAC answers.
 */
export const accessReviewStatus = (
  user: User,
  spec: AccessReviewSpec,
): { allowed: boolean; reason?: string } => {
  const verb = spec.resourceAttributes?.verb ?? spec.nonResourceAttributes?.verb ?? '';
  const { resource, subresource } = spec.resourceAttributes ?? {};
  return isAllowed(user, verb, resource, subresource)
    ? { allowed: true, reason: allowedReason(user) }
    : { allowed: false };
};

/** What makes a review unanswerable: 422, as the API server validates it. */
export const accessReviewProblem = (spec: AccessReviewSpec | undefined): string | undefined => {
  const count =
    (spec?.resourceAttributes === undefined ? 0 : 1) +
    (spec?.nonResourceAttributes === undefined ? 0 : 1);
  return count === 1
    ? undefined
    : 'spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified';
};
