/**
 * Where the SDK implementation sends its requests. In the browser everything is same-origin
 * (`/api/kubernetes/...` on the shell server, as with the console bridge). Unit tests point it at a
 * shell server in front of the cluster simulator (test/sim-cluster.ts).
 */
export interface SDKConfig {
  /** Prefix for every request URL; '' means same origin. */
  apiOrigin: string;
  /** The console bridge's Kubernetes proxy path. */
  k8sBasePath: string;
  /** Opens a WebSocket; tests may swap in the `ws` package. */
  createWebSocket: (url: string) => WebSocket;
}

const defaultConfig = (): SDKConfig => ({
  apiOrigin: '',
  k8sBasePath: '/api/kubernetes',
  createWebSocket: (url) => new WebSocket(url),
});

let config: SDKConfig = defaultConfig();

export const getSDKConfig = (): SDKConfig => config;

/** Overrides parts of the configuration (tests); `resetSDKConfig` restores the defaults. */
export const configureSDK = (overrides: Partial<SDKConfig>): void => {
  config = { ...config, ...overrides };
};

export const resetSDKConfig = (): void => {
  config = defaultConfig();
};

/** Base URL of the Kubernetes API, e.g. `/api/kubernetes`. */
export const k8sBaseURL = (): string => `${config.apiOrigin}${config.k8sBasePath}`;

/** ws:// or wss:// base URL for watches, derived from the API origin or the page location. */
export const k8sWebSocketBaseURL = (): string => {
  if (config.apiOrigin) {
    return `${config.apiOrigin.replace(/^http/, 'ws')}${config.k8sBasePath}`;
  }
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${config.k8sBasePath}`;
};
