import { Alert, PageSection } from '@patternfly/react-core';
import { usePluginInfo } from '@openshift/dynamic-plugin-sdk';
import type { Extension } from '@openshift/dynamic-plugin-sdk';
import { bootErrorStore } from '../boot/boot-errors';
import { codeRefLoading } from '../boot/code-ref-loading';
import { useResolvedExtensions } from '../sdk/extensions/useResolvedExtensions';
import { useSmallStore } from '../sdk/utils/small-store';

const anyExtension = (e: Extension): e is Extension => !!e.type;
const noExtension = (e: Extension): e is Extension => !e.type;

/** The message with its causes: the plugin runtime wraps the webpack error that names the module. */
const messageOf = (e: unknown): string => {
  if (!(e instanceof Error)) {
    return String(e);
  }
  const { cause } = e as Error & { cause?: unknown };
  return cause === undefined ? e.message : `${e.message}: ${messageOf(cause)}`;
};

/**
 * Everything that kept the plugin from working, on every page: a manifest or locale file that
 * could not be fetched, a plugin the PluginStore marked failed, and code references that did
 * not resolve (e.g. "Shared module react-i18next doesn't exist in shared scope default" when
 * the share scope lacks a module). Resolving every extension's code refs up front surfaces such
 * errors even before the page that needs the module is opened.
 */
export const PluginErrors = () => {
  const bootErrors = useSmallStore(bootErrorStore);
  const failed = usePluginInfo().filter((info) => info.status === 'failed');
  // With ?codeRefs=lazy, errors show where the code is needed (the page's error boundary).
  const [, , resolutionErrors] = useResolvedExtensions(
    codeRefLoading.lazy ? noExtension : anyExtension,
  );
  const messages = [
    ...bootErrors,
    ...failed.map(
      (info) =>
        `Plugin ${info.manifest.name} failed to load: ${info.errorMessage}${
          info.errorCause ? ` (${messageOf(info.errorCause)})` : ''
        }`,
    ),
    ...resolutionErrors.map((e) => `Could not load plugin code: ${messageOf(e)}`),
  ];
  if (messages.length === 0) {
    return null;
  }
  return (
    <PageSection hasBodyWrapper={false}>
      <Alert
        variant="danger"
        isInline
        title="The console plugin has problems"
        data-test="plugin-error"
      >
        <ul>
          {messages.map((message) => (
            <li key={message} data-test="plugin-error-message">
              {message}
            </li>
          ))}
        </ul>
      </Alert>
    </PageSection>
  );
};
