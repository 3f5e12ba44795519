import { Label } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { ImageCheckResult } from '../../preflight';

const STATUS: Record<ImageCheckResult, 'success' | 'danger' | 'warning'> = {
  Found: 'success',
  Missing: 'danger',
  Unauthorized: 'warning',
  Error: 'warning',
};

/** One image check's result, with its icon. */
const ImageCheckLabel = ({ result }: { result: ImageCheckResult }) => {
  const { t } = usePluginTranslation();
  const text: Record<ImageCheckResult, string> = {
    Found: t('Found'),
    Missing: t('Missing'),
    Unauthorized: t('Unauthorized'),
    Error: t('Error'),
  };
  return (
    <Label status={STATUS[result]} variant="outline" isCompact data-test="day1-image-check-result">
      {text[result]}
    </Label>
  );
};

export default ImageCheckLabel;
