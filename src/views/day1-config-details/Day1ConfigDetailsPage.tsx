import { lazy, Suspense, useState } from 'react';
import type { ReactNode } from 'react';
import { DocumentTitle, ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Bullseye,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Flex,
  FlexItem,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons';
import { Link, useNavigate, useParams } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigGVK } from '../../k8s/gvk';
import { errorMessage } from '../shared/error-message';
import LoadingModal from '../shared/LoadingModal';
import { DAY1_CONFIGS_PATH } from '../shared/paths';
import type { Day1ConfigRow } from '../shared/day1-config-row';
import ConfigDetailsView from './ConfigDetailsView';
import { useConfigDetails } from './useConfigDetails';

// Not needed before the user asks to delete.
const DeleteDay1ConfigModal = lazy(() => import('../shared/DeleteDay1ConfigModal'));

/** The list page, as a PatternFly button's element: a router link, so no page reload. */
const LinkToList = (props: object) => <Link {...props} to={DAY1_CONFIGS_PATH} />;

interface HeaderProps {
  name: string;
  status?: ReactNode;
  actions?: ReactNode;
}

/** Breadcrumb back to the list, then the config's name, its status and the Actions menu. */
const Header = ({ name, status, actions }: HeaderProps) => {
  const { t } = usePluginTranslation();
  return (
    <PageSection>
      <Breadcrumb>
        <BreadcrumbItem
          render={({ className, ariaCurrent }) => (
            <Link className={className} aria-current={ariaCurrent} to={DAY1_CONFIGS_PATH}>
              {t('Day 1 kernel modules')}
            </Link>
          )}
        />
        <BreadcrumbItem isActive>{name}</BreadcrumbItem>
      </Breadcrumb>
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
      >
        <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <Title headingLevel="h1" data-test="config-title">
              {name}
            </Title>
          </FlexItem>
          {status && <FlexItem data-test="config-status">{status}</FlexItem>}
        </Flex>
        {actions && <FlexItem>{actions}</FlexItem>}
      </Flex>
    </PageSection>
  );
};

/**
 * One Day 1 config: `/day1-kernel-modules/configs/<name>`. Its parameters, the pools and nodes it
 * reaches, its rollout and Day 1 state, its YAML, and Edit and Delete; or why there is nothing to show.
 */
const Day1ConfigDetailsPage = () => {
  const { t } = usePluginTranslation();
  const { name = '' } = useParams();
  const navigate = useNavigate();
  const details = useConfigDetails(name);
  const [deleting, setDeleting] = useState<Day1ConfigRow>();
  const closeDelete = () => {
    setDeleting(undefined);
  };

  let content: ReactNode;
  switch (details.state) {
    case 'loading':
      content = (
        <>
          <Header name={name} />
          <Bullseye>
            <Spinner aria-label={t('Loading {{name}}', { name })} data-test="config-loading" />
          </Bullseye>
        </>
      );
      break;
    case 'error':
      content = (
        <>
          <Header name={name} />
          <PageSection>
            <Alert
              variant="danger"
              isInline
              title={t('Could not load MachineConfigs')}
              data-test="config-error"
            >
              {errorMessage(details.error)}
            </Alert>
          </PageSection>
        </>
      );
      break;
    case 'notFound':
      content = (
        <>
          <Header name={name} />
          <EmptyState
            titleText={t('Day 1 config not found')}
            headingLevel="h2"
            icon={SearchIcon}
            data-test="config-not-found"
          >
            <EmptyStateBody>
              {t('No MachineConfig is named {{name}}: it does not exist, or it was deleted.', {
                name,
              })}
            </EmptyStateBody>
            <EmptyStateFooter>
              <EmptyStateActions>
                <Button variant="primary" component={LinkToList}>
                  {t('Back to Day 1 kernel modules')}
                </Button>
              </EmptyStateActions>
            </EmptyStateFooter>
          </EmptyState>
        </>
      );
      break;
    case 'notDay1':
      content = (
        <>
          <Header name={name} />
          <EmptyState
            titleText={t('{{name}} is not a Day 1 kernel module config', { name })}
            headingLevel="h2"
            data-test="config-not-day1"
          >
            <EmptyStateBody>
              {t(
                'This MachineConfig does not load a kernel module at boot the way this plugin and KMM’s tools do. Console shows it as any other MachineConfig:',
              )}{' '}
              <ResourceLink groupVersionKind={MachineConfigGVK} name={name} inline />
            </EmptyStateBody>
          </EmptyState>
        </>
      );
      break;
    case 'day1':
      content = (
        <ConfigDetailsView
          details={details}
          header={(status, actions) => <Header name={name} status={status} actions={actions} />}
          onDelete={() => {
            setDeleting(details.row);
          }}
        />
      );
  }

  return (
    <>
      <DocumentTitle>{t('{{name}} · Day 1 kernel modules', { name })}</DocumentTitle>
      {content}
      {/* Outside the states: the dialog stays while the config it deletes disappears. */}
      {deleting && (
        <Suspense fallback={<LoadingModal onClose={closeDelete} />}>
          <DeleteDay1ConfigModal
            row={deleting}
            onClose={closeDelete}
            onDeleted={() => void navigate(DAY1_CONFIGS_PATH)}
          />
        </Suspense>
      )}
    </>
  );
};

export default Day1ConfigDetailsPage;
