import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { Button, Tooltip } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { useNavigate } from 'react-router';
import { MachineConfigModel } from '../../k8s/models';
import { day1CreatePath } from '../shared/paths';

interface CreateDay1ConfigButtonProps {
  /** Preselects this pool on the create page. */
  pool?: string;
}

/** Opens the create page; disabled, with the reason, for users who cannot create MachineConfigs. */
const CreateDay1ConfigButton = ({ pool }: CreateDay1ConfigButtonProps) => {
  const { t } = usePluginTranslation();
  const navigate = useNavigate();
  const [canCreate, checking] = useAccessReview({
    group: MachineConfigModel.apiGroup,
    resource: MachineConfigModel.plural,
    verb: 'create',
  });
  const button = (
    <Button
      variant="primary"
      data-test="create-day1-config"
      // aria-disabled keeps the button focusable, so keyboard users can reach the tooltip's reason.
      isAriaDisabled={checking || !canCreate}
      onClick={() => {
        void navigate(day1CreatePath(pool));
      }}
    >
      {t('Create Day 1 kernel module config')}
    </Button>
  );
  if (checking || canCreate) {
    return button;
  }
  return (
    <Tooltip
      content={t(
        'You cannot create MachineConfigs. Ask a cluster administrator for this permission.',
      )}
    >
      {button}
    </Tooltip>
  );
};

export default CreateDay1ConfigButton;
