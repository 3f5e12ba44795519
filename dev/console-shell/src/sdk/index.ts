/**
 * The shell's `@openshift-console/dynamic-plugin-sdk`: the module the share scope hands to the
 * plugin in place of console's. Every export is typed against the real SDK's declarations.
 */

// Extension type guards (isRoutePage, isHrefNavItem, ...) and enums are plain code in the npm
// package, free of console internals, so the shell re-exports the package's own.
// eslint-disable-next-line no-restricted-imports -- the shell provides the SDK, it may use its parts
export * from '@openshift-console/dynamic-plugin-sdk/lib/extensions';

export { consoleFetch, consoleFetchJSON, consoleFetchText } from './console-fetch';
export { HttpError } from './http-error';
export {
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sList,
  k8sListItems,
  k8sPatch,
  k8sUpdate,
} from './k8s-resource';
export {
  getAPIVersionForModel,
  getGroupVersionKindForModel,
  getGroupVersionKindForResource,
} from './k8s-ref';
export { useK8sWatchResource } from './watch/useK8sWatchResource';
export { useK8sWatchResources } from './watch/useK8sWatchResources';
export { useK8sModel, useK8sModels } from './hooks/useK8sModel';
export { checkAccess, useAccessReview } from './access-review';
export { useFlag } from './flags';
export { useActiveNamespace } from './hooks/useActiveNamespace';
export { useActivePerspective } from './hooks/useActivePerspective';
export { useUserPreference } from './hooks/useUserPreference';
export { useResolvedExtensions } from './extensions/useResolvedExtensions';
export { useOverlay } from './overlay/useOverlay';
export { useModal } from './overlay/useModal';

export { ListPageHeader } from './components/ListPageHeader';
export { ListPageBody } from './components/ListPageBody';
export { ListPageCreate } from './components/ListPageCreate';
export { ListPageCreateButton } from './components/ListPageCreateButton';
export { ListPageCreateLink } from './components/ListPageCreateLink';
export { DocumentTitle } from './components/DocumentTitle';
export { ResourceLink } from './components/ResourceLink';
export { ResourceIcon } from './components/ResourceIcon';
export { Timestamp } from './components/Timestamp';
export { CodeEditor, CodeEditor as YAMLEditor } from './components/CodeEditor';
export { ResourceYAMLEditor } from './components/ResourceYAMLEditor';
export { HorizontalNav } from './components/HorizontalNav';
export { CamelCaseWrap } from './components/CamelCaseWrap';
export { StatusComponent } from './components/status/StatusComponent';
export { GenericStatus } from './components/status/GenericStatus';
export { PopoverStatus } from './components/status/PopoverStatus';
export { StatusIconAndText } from './components/status/StatusIconAndText';
export {
  ErrorStatus,
  InfoStatus,
  ProgressStatus,
  SuccessStatus,
} from './components/status/statuses';
export {
  BlueInfoCircleIcon,
  GreenCheckCircleIcon,
  RedExclamationCircleIcon,
  YellowExclamationTriangleIcon,
} from './components/status/icons';

// Shell-only, not in console's SDK: watch connection state for "reconnecting" notices.
export { useWatchConnectionStatus } from './watch/useWatchConnectionStatus';
