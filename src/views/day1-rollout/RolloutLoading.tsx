import { Bullseye, Spinner } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';

/** The rollout while it loads: its data, or on the pool tab its code too. */
const RolloutLoading = () => {
  const { t } = usePluginTranslation();
  return (
    <Bullseye>
      <Spinner aria-label={t('Loading the rollout')} data-test="rollout-loading" />
    </Bullseye>
  );
};

export default RolloutLoading;
