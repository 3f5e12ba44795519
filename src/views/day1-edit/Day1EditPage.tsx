import { useMemo, useState } from 'react';
import { DocumentTitle, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Bullseye,
  Content,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { Link, useParams } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigGVK } from '../../k8s/gvk';
import type { MachineConfig } from '../../k8s/types';
import { readApiError } from '../../k8s/api-error';
import { managingBootModuleConfig } from '../../k8s/boot-module-config';
import { readDay1MachineConfig } from '../../producer';
import { DAY1_CONFIGS_PATH } from '../shared/paths';
import { errorMessage } from '../shared/error-message';
import ManagedByKmm from '../shared/ManagedByKmm';
import { useBootModuleConfigs } from '../shared/useBootModuleConfigs';
import Day1EditForm from './Day1EditForm';

/**
 * Edit a Day 1 kernel module config: `/day1-kernel-modules/configs/<name>/edit`. The create form,
 * filled from the MachineConfig in the cluster, with its name and pool fixed. A config KMM's
 * BootModuleConfig manages is shown as such, and not edited here.
 */
const Day1EditPage = () => {
  const { t } = usePluginTranslation();
  const { name = '' } = useParams<{ name: string }>();
  const [machineConfig, loaded, error] = useK8sWatchResource<MachineConfig>({
    groupVersionKind: MachineConfigGVK,
    name,
  }) as [MachineConfig | undefined, boolean, unknown];
  const bmcs = useBootModuleConfigs();
  // The form starts from the config as first loaded; later changes reach it only through a conflict.
  const [opened, setOpened] = useState<MachineConfig>();
  const loadedConfig = loaded && machineConfig?.metadata.name === name ? machineConfig : undefined;
  if (opened === undefined && loadedConfig !== undefined && bmcs.settled) setOpened(loadedConfig);
  const summary = useMemo(() => (opened ? readDay1MachineConfig(opened) : undefined), [opened]);
  const managedBy = useMemo(
    () => (loadedConfig ? managingBootModuleConfig(loadedConfig, bmcs.items) : undefined),
    [loadedConfig, bmcs.items],
  );
  const title = t('Edit {{name}}', { name });

  const body = () => {
    if (error) {
      if (readApiError(error).code === 404)
        return (
          <EmptyState
            titleText={t('Config not found')}
            headingLevel="h2"
            data-test="day1-edit-not-found"
          >
            <EmptyStateBody>
              {t('There is no MachineConfig named {{name}}. It may have been deleted.', { name })}
            </EmptyStateBody>
          </EmptyState>
        );
      return (
        <Alert
          variant="danger"
          isInline
          title={t('The config could not be loaded')}
          data-test="day1-edit-load-error"
        >
          {errorMessage(error)}
        </Alert>
      );
    }
    if (opened === undefined || summary === undefined)
      return (
        <Bullseye>
          <Spinner size="xl" aria-label={t('Loading')} />
        </Bullseye>
      );
    if (summary === null)
      return (
        <Alert
          variant="warning"
          isInline
          title={t('Not a Day 1 config')}
          data-test="day1-edit-unreadable"
        >
          {t(
            '{{name}} has no Day 1 load unit with an image and a module this console can read, so it cannot be edited here. Edit it as YAML from its MachineConfig page.',
            { name },
          )}
        </Alert>
      );
    if (managedBy !== undefined) return <ManagedByKmm machineConfigName={name} bmc={managedBy} />;
    return <Day1EditForm machineConfig={opened} summary={summary} />;
  };

  return (
    <>
      <DocumentTitle>{title}</DocumentTitle>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem
            render={({ className, ariaCurrent }) => (
              <Link className={className} aria-current={ariaCurrent} to={DAY1_CONFIGS_PATH}>
                {t('Day 1 kernel modules')}
              </Link>
            )}
          />
          <BreadcrumbItem>{name}</BreadcrumbItem>
          <BreadcrumbItem isActive>{t('Edit')}</BreadcrumbItem>
        </Breadcrumb>
        <Title headingLevel="h1" data-test="day1-edit-title">
          {title}
        </Title>
        <Content component="p">
          {t(
            'Change the Day 1 parameters of this config. Nothing is saved, and no node reboots, until you confirm.',
          )}
        </Content>
      </PageSection>
      <PageSection>{body()}</PageSection>
    </>
  );
};

export default Day1EditPage;
