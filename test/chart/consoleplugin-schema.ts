/**
 * console.openshift.io/v1 ConsolePlugin, as a JSON schema: the constraints of openshift/api's
 * consoleplugins CRD (Default feature set), transcribed for the fields a chart can set. Stricter than the
 * API server in one way: unknown fields are errors here, where the server would silently prune them.
 */
const service = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'namespace', 'port'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 128 },
    namespace: { type: 'string', minLength: 1, maxLength: 128 },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    basePath: {
      type: 'string',
      minLength: 1,
      maxLength: 256,
      pattern: "^[a-zA-Z0-9.\\-_~!$&'()*+,;=:@\\/]*$",
    },
  },
};

export const consolePluginSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'console.openshift.io/v1' },
    kind: { const: 'ConsolePlugin' },
    metadata: {
      type: 'object',
      required: ['name'],
      // Cluster-scoped.
      not: { required: ['namespace'] },
      properties: {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['backend', 'displayName'],
      properties: {
        displayName: { type: 'string', minLength: 1, maxLength: 128 },
        backend: {
          type: 'object',
          additionalProperties: false,
          required: ['type'],
          properties: { type: { enum: ['Service'] }, service },
        },
        i18n: {
          type: 'object',
          additionalProperties: false,
          required: ['loadType'],
          properties: { loadType: { enum: ['Preload', 'Lazy', ''] } },
        },
        proxy: { type: 'array' },
        contentSecurityPolicy: { type: 'array' },
      },
    },
  },
} as const;
