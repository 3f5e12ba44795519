import { Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Bullseye,
  Button,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Spinner,
  Title,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { ConfigDay1State, Day1Status, NodeDay1State, NodeRollout } from '../../rollout';
import type { Day1StatusAccess } from '../shared/day1-status-scheduler';
import { day1StateDetail, day1StateText } from '../shared/day1-state-text';
import { JOURNAL_LINES } from '../shared/day1-journal';
import { Day1StateIcon } from './Day1StateStatus';
import { useNodeJournal } from './useNodeJournal';

const Item = ({ term, children, test }: { term: string; children: ReactNode; test?: string }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-test={test}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

const isTime = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value !== '';

/** The status file's fields, readable. */
const StatusFields = ({ node, status }: { node: NodeRollout; status: Day1Status }) => {
  const { t } = usePluginTranslation();
  const yesNo = (value: boolean | null) =>
    value === null ? t('Not applicable') : value ? t('Yes') : t('No');
  const thisBoot = node.bootID === undefined || status.bootID === node.bootID;
  return (
    <DescriptionList isCompact isHorizontal data-test="day1-status-fields">
      <Item term={t('Phase')} test="day1-status-phase">
        {status.phase}
      </Item>
      <Item term={t('Module loaded')}>{yesNo(status.moduleLoaded)}</Item>
      {status.inTreeRestored !== null && (
        <Item term={t('In-tree driver restored')}>{yesNo(status.inTreeRestored)}</Item>
      )}
      {status.reason !== null && <Item term={t('Reason')}>{status.reason}</Item>}
      {status.blockingModule !== null && (
        <Item term={t('Blocking module')}>{status.blockingModule}</Item>
      )}
      {status.lastError !== null && (
        <Item term={t('Error')} test="day1-status-error">
          {status.lastError}
        </Item>
      )}
      <Item term={t('Kernel module')}>{status.kernelModule}</Item>
      <Item term={t('Kernel module image')}>{status.kernelModuleImage}</Item>
      <Item term={t('Worker image')}>{status.workerImage}</Item>
      <Item term={t('Kernel')}>{status.kernelVersion}</Item>
      <Item term={t('Day 1 reboots used')}>{status.rebootsUsed}</Item>
      <Item term={t('Boot')} test="day1-status-boot">
        {thisBoot
          ? t('{{bootID}} (the current boot)', { bootID: status.bootID })
          : t('{{bootID}} (an earlier boot)', { bootID: status.bootID })}
      </Item>
      {isTime(status.loadedAt) && (
        <Item term={t('Loaded at')}>
          <Timestamp timestamp={status.loadedAt} />
        </Item>
      )}
      <Item term={t('Written at')}>
        <Timestamp timestamp={status.updatedAt} />
      </Item>
    </DescriptionList>
  );
};

/** One config's state on the node, what it means, and its status file. */
const ConfigStatus = ({ node, config }: { node: NodeRollout; config: ConfigDay1State }) => {
  const { t } = usePluginTranslation();
  const label = day1StateText(t, config.state, config.inTreeRestored);
  return (
    <section data-test={`day1-config-${config.machineConfig}`}>
      <Title headingLevel="h4" size="md">
        {config.machineConfig}
      </Title>
      <p data-test="day1-config-state" data-state={config.state}>
        <Day1StateIcon state={config} title={label} />
      </p>
      <p data-test="day1-config-detail">{day1StateDetail(t, config)}</p>
      {isTime(config.readAt) && (
        <p className="pf-v6-u-color-200">
          {t('Read')} <Timestamp timestamp={config.readAt} />
        </p>
      )}
      {config.status && <StatusFields node={node} status={config.status} />}
    </section>
  );
};

const NO_ENTRIES = '-- No entries --';

/** The last journal lines of the node's Day 1 units, fetched while the drawer shows them. */
const Day1Journal = ({
  node,
  machineConfigs,
  access,
}: {
  node: string;
  machineConfigs: readonly string[];
  access: Day1StatusAccess;
}) => {
  const { t } = usePluginTranslation();
  const { journal, reload } = useNodeJournal(node, machineConfigs, access === true);
  let body: ReactNode;
  if (access === false) {
    body = (
      <p data-test="day1-journal-no-access">
        {t(
          'Reading the journal through the API server needs permission to get nodes/proxy. Verify shows it instead.',
        )}
      </p>
    );
  } else if (access === undefined || journal.state === 'loading') {
    body = (
      <Bullseye>
        <Spinner size="md" aria-label={t('Loading the journal')} data-test="day1-journal-loading" />
      </Bullseye>
    );
  } else if (journal.state === 'error') {
    body = (
      <Alert
        variant="warning"
        isInline
        title={t('Could not read the journal')}
        actionLinks={
          <Button variant="link" isInline onClick={reload} data-test="day1-journal-retry">
            {t('Try again')}
          </Button>
        }
        data-test="day1-journal-error"
      >
        {journal.error}
      </Alert>
    );
  } else if (journal.lines.length === 0 || journal.lines.every((line) => line === NO_ENTRIES)) {
    body = <p data-test="day1-journal-empty">{t('The Day 1 units have logged nothing.')}</p>;
  } else {
    body = (
      <>
        <CodeBlock data-test="day1-journal">
          <CodeBlockCode>{journal.lines.join('\n')}</CodeBlockCode>
        </CodeBlock>
        <Button variant="link" isInline onClick={reload} data-test="day1-journal-reload">
          {t('Reload')}
        </Button>
      </>
    );
  }
  return (
    <>
      <Title headingLevel="h3" size="md">
        {t('Day 1 journal (last {{count}} lines)', { count: JOURNAL_LINES })}
      </Title>
      {body}
    </>
  );
};

interface Day1NodeDetailsProps {
  node: NodeRollout;
  day1?: NodeDay1State;
  machineConfigs: readonly string[];
  access: Day1StatusAccess;
}

/** In the node drawer: each Day 1 config's status file, and the Day 1 units' journal. */
const Day1NodeDetails = ({ node, day1, machineConfigs, access }: Day1NodeDetailsProps) => {
  const { t } = usePluginTranslation();
  if (machineConfigs.length === 0) return null;
  return (
    <>
      <Title headingLevel="h3" size="md">
        {t('Day 1 status files')}
      </Title>
      {day1 === undefined ? (
        <p data-test="day1-status-not-read">{t('Not read yet.')}</p>
      ) : (
        day1.configs.map((config) => (
          <ConfigStatus key={config.machineConfig} node={node} config={config} />
        ))
      )}
      <Day1Journal node={node.name} machineConfigs={machineConfigs} access={access} />
    </>
  );
};

export default Day1NodeDetails;
