import { useMemo } from 'react';
import { CodeBlock, CodeBlockCode, Content } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { MachineConfig } from '../../k8s/types';
import { machineConfigToYAML } from '../../producer';
import { comparableMachineConfig } from './edit-form';
import { diffHunks, lineDiff } from './line-diff';
import type { DiffLine } from './line-diff';

interface MachineConfigDiffProps {
  before: MachineConfig;
  after: MachineConfig;
  /** For data-test ids: `<testId>`, `<testId>-added`, `<testId>-removed`. */
  testId: string;
  /** Said when the two are the same. */
  sameText: string;
}

const MARK: Record<DiffLine['kind'], string> = { same: ' ', added: '+', removed: '-' };
const COLOR: Record<DiffLine['kind'], string | undefined> = {
  same: undefined,
  // PatternFly's status tokens (@patternfly/react-tokens names them the same).
  added: 'var(--pf-t--global--color--status--success--default)',
  removed: 'var(--pf-t--global--color--status--danger--default)',
};

/**
 * The YAML of two MachineConfigs, line by line, as `diff -u` shows it: changed lines with three lines
 * of context. Added and removed lines carry `+` and `-` and are named for screen readers, besides their
 * colour. It serialises the configs itself, so that js-yaml loads with this component (loaded lazily).
 */
const MachineConfigDiff = ({ before, after, testId, sameText }: MachineConfigDiffProps) => {
  const { t } = usePluginTranslation();
  const hunks = useMemo(
    () =>
      diffHunks(
        lineDiff(
          machineConfigToYAML(comparableMachineConfig(before)),
          machineConfigToYAML(comparableMachineConfig(after)),
        ),
      ),
    [before, after],
  );
  if (hunks.length === 0)
    return (
      <Content component="p" data-test={`${testId}-same`}>
        {sameText}
      </Content>
    );
  const label = { same: '', added: t('Added:'), removed: t('Removed:') };
  return (
    <CodeBlock data-test={testId}>
      {hunks.map((hunk) => (
        <CodeBlockCode
          key={`${String(hunk.oldStart)}-${String(hunk.newStart)}`}
          // Lines keep their indentation unwrapped, as YAML reads; long ones scroll.
          style={{ overflowX: 'auto' }}
        >
          <span aria-hidden="true">
            {`@@ -${String(hunk.oldStart)} +${String(hunk.newStart)} @@\n`}
          </span>
          {hunk.lines.map((line, i) => (
            <span
              // Lines repeat; their place in the hunk does not change while it is shown.

              key={i}
              data-test={line.kind === 'same' ? undefined : `${testId}-${line.kind}`}
              style={
                COLOR[line.kind]
                  ? {
                      display: 'block',
                      borderInlineStart: `3px solid ${COLOR[line.kind] ?? ''}`,
                      color: COLOR[line.kind],
                    }
                  : { display: 'block' }
              }
            >
              {line.kind !== 'same' && (
                <span className="pf-v6-screen-reader">{label[line.kind]} </span>
              )}
              <span aria-hidden="true">{MARK[line.kind]} </span>
              {line.text}
            </span>
          ))}
        </CodeBlockCode>
      ))}
    </CodeBlock>
  );
};

export default MachineConfigDiff;
