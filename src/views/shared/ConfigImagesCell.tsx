import { Content, Flex, FlexItem, Icon, Spinner, Tooltip } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationTriangleIcon } from '@patternfly/react-icons';
import type { ConfigCoverage } from '../../rollout';
import { coverageCountText, coverageUnknownText, tagCheckText } from './kernel-coverage-text';
import { usePluginTranslation } from './usePluginTranslation';

interface ConfigImagesCellProps {
  /** Undefined while the pools and nodes load. */
  coverage?: ConfigCoverage;
}

/**
 * "Images: N of M kernels" for a config: whether its image has a tag for each kernel its pools and the
 * cluster run. Hover or focus lists the missing tags, and each kernel's answer.
 */
const ConfigImagesCell = ({ coverage }: ConfigImagesCellProps) => {
  const { t } = usePluginTranslation();
  if (coverage === undefined) return <>{t('Loading…')}</>;
  if (coverage.state === 'noKernels') {
    return <span data-test="config-images-none">{t('No node reports a kernel yet')}</span>;
  }
  const unknownWhy = coverageUnknownText(t, coverage);
  const checking = coverage.state === 'unknown' && coverage.unknownReason?.reason === 'checking';
  const details = (
    <div data-test="config-images-details">
      {coverage.missingTags.length > 0 && (
        <Content component="p">
          {t('Missing tags: {{tags}}', { tags: coverage.missingTags.join(', ') })}
        </Content>
      )}
      {coverage.state === 'unknown' && unknownWhy !== undefined && (
        <Content component="p">{unknownWhy}</Content>
      )}
      <Content component="ul">
        {coverage.kernels.map((kernel) => (
          <Content component="li" key={kernel.kernelVersion}>
            {t('{{reference}}: {{answer}}', {
              reference: kernel.reference,
              answer: tagCheckText(t, kernel.check),
            })}
          </Content>
        ))}
      </Content>
    </div>
  );
  const icon =
    coverage.state === 'full' ? (
      <Icon status="success" size="sm">
        <CheckCircleIcon />
      </Icon>
    ) : coverage.state === 'partial' ? (
      <Icon status="warning" size="sm">
        <ExclamationTriangleIcon />
      </Icon>
    ) : checking ? (
      <Spinner size="sm" aria-label={t('Checking the image tags')} />
    ) : null;
  const label =
    coverage.state === 'unknown' && !checking
      ? t('{{images}} ({{unknown}})', {
          images: coverageCountText(t, coverage),
          unknown: t('{{count}} unknown', { count: coverage.unknown }),
        })
      : coverageCountText(t, coverage);
  return (
    <Tooltip content={details}>
      {/* Focusable, so that the details show from the keyboard too. */}
      <span tabIndex={0} data-test="config-images" data-state={coverage.state}>
        <Flex spaceItems={{ default: 'spaceItemsXs' }} flexWrap={{ default: 'nowrap' }}>
          {icon && <FlexItem>{icon}</FlexItem>}
          <FlexItem data-test="config-images-count">{label}</FlexItem>
        </Flex>
      </span>
    </Tooltip>
  );
};

export default ConfigImagesCell;
