import { Flex, FlexItem, HelperText, HelperTextItem } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import PausePoolButton from '../shared/PausePoolButton';

interface PausePoolBeforeCreateProps {
  poolName: string;
  paused: boolean;
}

/**
 * For an existing pool: pause it before creating, so that no node reboots until the admin resumes
 * it; or, for a paused pool, say that nothing reboots yet.
 */
const PausePoolBeforeCreate = ({ poolName, paused }: PausePoolBeforeCreateProps) => {
  const { t } = usePluginTranslation();
  if (paused) {
    return (
      <HelperText data-test="day1-create-pool-paused">
        <HelperTextItem variant="warning">
          {t(
            '{{pool}} is paused: the config is created, but no node reboots into it until you resume the pool, from its rollout page.',
            { pool: poolName },
          )}
        </HelperTextItem>
      </HelperText>
    );
  }
  return (
    <Flex
      alignItems={{ default: 'alignItemsCenter' }}
      spaceItems={{ default: 'spaceItemsMd' }}
      data-test="day1-create-pause"
    >
      <FlexItem>
        <PausePoolButton
          poolName={poolName}
          context="create"
          label={t('Pause {{pool}} first', { pool: poolName })}
        />
      </FlexItem>
      <FlexItem>
        <HelperText>
          <HelperTextItem>
            {t(
              'To choose when the nodes reboot, pause the pool before you create the config, and resume it later.',
            )}
          </HelperTextItem>
        </HelperText>
      </FlexItem>
    </Flex>
  );
};

export default PausePoolBeforeCreate;
