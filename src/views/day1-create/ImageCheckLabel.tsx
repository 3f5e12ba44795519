import {
  ErrorStatus,
  GenericStatus,
  SuccessStatus,
  YellowExclamationTriangleIcon,
} from '@openshift-console/dynamic-plugin-sdk';
import { useTranslation } from 'react-i18next';
import type { ImageCheckResult } from '../../preflight';

/** One image check's result, with console's status components: found, missing, or not known. */
const ImageCheckLabel = ({ result }: { result: ImageCheckResult }) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const status = {
    Found: <SuccessStatus title={t('Found')} />,
    Missing: <ErrorStatus title={t('Missing')} />,
    Unauthorized: <GenericStatus Icon={YellowExclamationTriangleIcon} title={t('Unauthorized')} />,
    Error: <GenericStatus Icon={YellowExclamationTriangleIcon} title={t('Error')} />,
  }[result];
  return (
    <span data-test="day1-image-check-result" data-result={result}>
      {status}
    </span>
  );
};

export default ImageCheckLabel;
