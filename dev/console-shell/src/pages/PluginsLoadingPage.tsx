import { Bullseye, Spinner } from '@patternfly/react-core';

/** Shown for an unknown path while the plugin (which may own it) is still loading. */
export const PluginsLoadingPage = () => (
  <Bullseye className="pf-v6-u-p-xl">
    <Spinner aria-label="Loading plugins" data-test="plugins-loading" />
  </Bullseye>
);
