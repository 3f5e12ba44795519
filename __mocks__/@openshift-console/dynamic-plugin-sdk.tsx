/**
 * Manual Jest mock for the console SDK, picked up automatically for the node_modules package.
 * The real package only works inside console (module federation + console's redux store and
 * internal modules), so tests get typed stubs. Hooks and k8s helpers are jest.fn so tests can
 * program them with `jest.mocked(useK8sWatchResource).mockReturnValue(...)`.
 */
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

type Fn<K extends keyof typeof SDK> = (typeof SDK)[K];

// Watches start "loading" so a test that forgets to program them sees a spinner, not data.
export const useK8sWatchResource = jest.fn<
  ReturnType<Fn<'useK8sWatchResource'>>,
  Parameters<Fn<'useK8sWatchResource'>>
>(() => [[], false, undefined]);
export const useK8sWatchResources = jest.fn<
  ReturnType<Fn<'useK8sWatchResources'>>,
  Parameters<Fn<'useK8sWatchResources'>>
>((resources) =>
  Object.fromEntries(
    Object.keys(resources).map((key) => [key, { data: [], loaded: false, loadError: undefined }]),
  ),
);

export const k8sCreate = jest.fn<ReturnType<Fn<'k8sCreate'>>, Parameters<Fn<'k8sCreate'>>>();
export const k8sGet = jest.fn<ReturnType<Fn<'k8sGet'>>, Parameters<Fn<'k8sGet'>>>();
export const k8sUpdate = jest.fn<ReturnType<Fn<'k8sUpdate'>>, Parameters<Fn<'k8sUpdate'>>>();
// No model for kinds console has not discovered: by default KMM (BootModuleConfig) is not installed.
export const useK8sModel = jest.fn<ReturnType<Fn<'useK8sModel'>>, Parameters<Fn<'useK8sModel'>>>(
  () => [undefined as unknown as ReturnType<Fn<'useK8sModel'>>[0], false],
);
export const k8sPatch = jest.fn<ReturnType<Fn<'k8sPatch'>>, Parameters<Fn<'k8sPatch'>>>();
export const k8sDelete = jest.fn<ReturnType<Fn<'k8sDelete'>>, Parameters<Fn<'k8sDelete'>>>();
// By default every file is missing (404), as on nodes that have written no Day 1 status file yet.
export const consoleFetchText = jest.fn<
  ReturnType<Fn<'consoleFetchText'>>,
  Parameters<Fn<'consoleFetchText'>>
>(() => Promise.reject(new HttpError('Not Found', 404)));

/**
 * Answers with what consoleFetchText's mock gives for the URL (a text, or a rejection such as an
 * HttpError), as a Response-like body: tests program the node proxy once, through consoleFetchText.
 */
export const consoleFetch = jest.fn<ReturnType<Fn<'consoleFetch'>>, Parameters<Fn<'consoleFetch'>>>(
  async (url, options) => {
    const body: unknown = await consoleFetchText(url, options);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return { ok: true, status: 200, text: () => Promise.resolve(text) } as unknown as Response;
  },
);

// Plain code in the real SDK (no console internals): the same rule here, no group for the core API.
export const getGroupVersionKindForModel: Fn<'getGroupVersionKindForModel'> = ({
  apiGroup,
  apiVersion: version,
  kind,
}) => ({ ...(apiGroup ? { group: apiGroup } : {}), version, kind });

export const useAccessReview = jest.fn<
  ReturnType<Fn<'useAccessReview'>>,
  Parameters<Fn<'useAccessReview'>>
>(() => [true, false]);
export const useActiveNamespace = jest.fn<
  ReturnType<Fn<'useActiveNamespace'>>,
  Parameters<Fn<'useActiveNamespace'>>
>(() => ['#ALL_NS#', () => undefined]);

export class HttpError extends Error {
  constructor(
    message: string,
    public code?: number,
    public response?: Response,
    public json?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const DocumentTitle: Fn<'DocumentTitle'> = () => null;

export const ListPageHeader: Fn<'ListPageHeader'> = ({ title, helpText, children }) => (
  <div>
    <h1>{title}</h1>
    {helpText}
    {children}
  </div>
);

export const ListPageBody: Fn<'ListPageBody'> = ({ children }) => <div>{children}</div>;

export const ResourceLink: Fn<'ResourceLink'> = ({ name, displayName, children }) => (
  <span>
    {displayName ?? name}
    {children}
  </span>
);

export const ResourceIcon: Fn<'ResourceIcon'> = () => null;

export const Timestamp: Fn<'Timestamp'> = ({ timestamp }) => <span>{timestamp ?? '-'}</span>;

export const CamelCaseWrap: Fn<'CamelCaseWrap'> = ({ value, dataTest }) => (
  <span data-test={dataTest}>{value || '-'}</span>
);

// Console's status components show an icon and the title (or "-" without one); children go to a popover.
export const StatusIconAndText: Fn<'StatusIconAndText'> = ({ icon, title }) =>
  title ? (
    <span>
      {icon}
      {title}
    </span>
  ) : (
    <>-</>
  );

export const YellowExclamationTriangleIcon: Fn<'YellowExclamationTriangleIcon'> = ({
  dataTest,
}) => <svg data-test={dataTest} />;

export const GenericStatus: Fn<'GenericStatus'> = ({ Icon, title, children }) => (
  <span>
    <StatusIconAndText icon={<Icon />} title={title} />
    {children}
  </span>
);

const StatusStub: Fn<'ErrorStatus'> = ({ title, children }) => (
  <span>
    {title}
    {children}
  </span>
);
export const ErrorStatus = StatusStub;
export const SuccessStatus = StatusStub;
export const ProgressStatus = StatusStub;

// Console's is Monaco; tests read the text it shows.
export const CodeEditor = (({ value }: { value?: string }) => (
  <pre data-test="code-editor">{value}</pre>
)) as unknown as Fn<'CodeEditor'>;
