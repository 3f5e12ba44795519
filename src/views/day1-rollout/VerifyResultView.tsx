import {
  Alert,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  ExpandableSection,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { verifyOutcome } from '../../rollout';
import type { NodeRollout, VerifyOutput } from '../../rollout';
import { followUpText, verifyOutcomeText } from './follow-up-text';

interface VerifyResultViewProps {
  node: NodeRollout;
  output: VerifyOutput;
  log: string;
}

const ALERT_VARIANT = {
  ModuleLoaded: 'success',
  ModuleNotLoaded: 'danger',
  Unknown: 'warning',
  AwaitingMCO: 'info',
  WaitingForImagePullReboot: 'info',
  Loading: 'info',
} as const;

/**
 * What the Verify pod found: the outcome for the node (against its current boot and kernel), each Day 1
 * config's status, lsmod's answer, the units' journal, and the raw output.
 */
const VerifyResultView = ({ node, output, log }: VerifyResultViewProps) => {
  const { t } = usePluginTranslation();
  const outcome = verifyOutcome(node, output);
  return (
    <Stack hasGutter data-test="verify-result" data-state={outcome.state}>
      <StackItem>
        <Alert
          isInline
          variant={ALERT_VARIANT[outcome.state]}
          title={verifyOutcomeText(t, outcome)}
          data-test="verify-outcome"
        >
          {!output.complete && (
            <p>{t('The output is incomplete: the pod stopped before it printed every section.')}</p>
          )}
        </Alert>
      </StackItem>
      {outcome.configs.length > 0 && (
        <StackItem>
          <DescriptionList isCompact isHorizontal>
            {outcome.configs.map((config) => {
              const file = output.statusFiles.find((f) => f.machineConfig === config.machineConfig);
              return (
                <DescriptionListGroup key={config.machineConfig}>
                  <DescriptionListTerm>{config.machineConfig}</DescriptionListTerm>
                  <DescriptionListDescription data-test={`verify-config-${config.machineConfig}`}>
                    {outcome.configs.length > 1 && <div>{followUpText(t, config.followUp)}</div>}
                    {file?.status && (
                      <div>
                        {t('Status file: {{phase}}, updated {{updatedAt}}', {
                          phase: file.status.phase,
                          updatedAt: file.status.updatedAt,
                        })}
                      </div>
                    )}
                    {config.inLsmod !== undefined && (
                      <div>
                        {config.inLsmod
                          ? t('lsmod lists {{module}}', { module: file?.status?.kernelModule })
                          : t('lsmod does not list {{module}}', {
                              module: file?.status?.kernelModule,
                            })}
                      </div>
                    )}
                  </DescriptionListDescription>
                </DescriptionListGroup>
              );
            })}
          </DescriptionList>
        </StackItem>
      )}
      {output.journals.map((journal) => (
        <StackItem key={journal.unit}>
          <ExpandableSection
            toggleText={t('Journal of {{unit}}', { unit: journal.unit })}
            data-test={`verify-journal-${journal.unit}`}
          >
            <CodeBlock>
              <CodeBlockCode>{journal.lines.join('\n')}</CodeBlockCode>
            </CodeBlock>
          </ExpandableSection>
        </StackItem>
      ))}
      <StackItem>
        <ExpandableSection toggleText={t('Raw output')} data-test="verify-raw-output">
          <CodeBlock>
            <CodeBlockCode>{log === '' ? t('(no output)') : log}</CodeBlockCode>
          </CodeBlock>
        </ExpandableSection>
      </StackItem>
    </Stack>
  );
};

export default VerifyResultView;
