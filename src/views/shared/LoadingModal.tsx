import { Bullseye, Modal, ModalBody, ModalVariant, Spinner } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';

/**
 * Shown while a lazily loaded modal's code arrives: a modal already, so that focus moves into it at
 * once and Escape closes it.
 */
const LoadingModal = ({ onClose }: { onClose: () => void }) => {
  const { t } = usePluginTranslation();
  return (
    <Modal
      isOpen
      variant={ModalVariant.small}
      onClose={onClose}
      aria-label={t('Loading')}
      data-test="loading-modal"
    >
      <ModalBody>
        <Bullseye>
          <Spinner size="lg" aria-label={t('Loading')} />
        </Bullseye>
      </ModalBody>
    </Modal>
  );
};

export default LoadingModal;
