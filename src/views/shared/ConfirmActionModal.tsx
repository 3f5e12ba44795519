import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  Button,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalVariant,
} from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import ApiErrorAlert from './ApiErrorAlert';

interface ConfirmActionModalProps {
  /** Prefix of the modal's ids and data-test attributes, e.g. "delete-day1-config". */
  id: string;
  title: string;
  /** What will happen, in plain words: which nodes reboot. */
  children: ReactNode;
  confirmLabel: string;
  confirmVariant: 'primary' | 'danger';
  /** The API call; the modal closes when it resolves and shows its error when it rejects. */
  action: () => Promise<unknown>;
  /** For the error's title and its 403 guidance. */
  failureTitle: string;
  verb: string;
  resource: string;
  onClose: () => void;
}

/**
 * Confirms an action that makes MCO reboot nodes, then runs it: the buttons are disabled while it runs,
 * so it runs once, and a failure keeps the modal open with the API's message.
 */
const ConfirmActionModal = ({
  id,
  title,
  children,
  confirmLabel,
  confirmVariant,
  action,
  failureTitle,
  verb,
  resource,
  onClose,
}: ConfirmActionModalProps) => {
  const { t } = usePluginTranslation();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();

  const confirm = async () => {
    setRunning(true);
    setError(undefined);
    try {
      await action();
      onClose();
    } catch (e) {
      setError(e);
      setRunning(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      isOpen
      onClose={running ? undefined : onClose}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-test={`${id}-modal`}
    >
      <ModalHeader title={title} titleIconVariant="warning" labelId={`${id}-title`} />
      <ModalBody id={`${id}-body`}>
        {children}
        {error !== undefined && (
          <ApiErrorAlert error={error} title={failureTitle} verb={verb} resource={resource} />
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant={confirmVariant}
          onClick={() => void confirm()}
          isLoading={running}
          isDisabled={running}
          data-test={`confirm-${id}`}
        >
          {confirmLabel}
        </Button>
        <Button variant="link" onClick={onClose} isDisabled={running}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

export default ConfirmActionModal;
