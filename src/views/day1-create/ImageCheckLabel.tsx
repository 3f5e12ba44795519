import {
  ErrorStatus,
  GenericStatus,
  SuccessStatus,
  YellowExclamationTriangleIcon,
} from '@openshift-console/dynamic-plugin-sdk';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { ImageCheckResult } from '../../preflight';

/** One image check's result, with console's status components: found, missing, or not known. */
const ImageCheckLabel = ({ result }: { result: ImageCheckResult }) => {
  const { t } = usePluginTranslation();
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
