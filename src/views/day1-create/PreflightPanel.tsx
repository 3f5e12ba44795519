import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Content,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Spinner,
  TextInput,
} from '@patternfly/react-core';
import { SyncAltIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { ImageCheck, Preflight } from '../../preflight';
import { errorMessage } from '../shared/error-message';
import FieldHelper from './FieldHelper';
import ImageCheckLabel from './ImageCheckLabel';
import { poolNoteText } from './preflight-text';
import RebootSummary from './RebootSummary';
import type { ImageChecksState } from './useImageChecks';
import type { Access } from './useCreatePermissions';

const NAMESPACE_FIELD_ID = 'day1-check-namespace';

interface PreflightPanelProps {
  poolName: string;
  /** The one preflight derivation, which the create confirmation shows too. */
  preflight: Preflight;
  /** The image references, once the kernel module image is valid. */
  imageReady: boolean;
  workerImage?: string;
  checks: ImageChecksState & { rerun: () => void };
  namespace: string;
  namespaces?: string[];
  onNamespaceChange: (namespace: string) => void;
  checkImages: Access;
}

/** What creating the config will do, before anything is created: kernels, images and reboots. */
const PreflightPanel = ({
  poolName,
  preflight,
  imageReady,
  workerImage,
  checks,
  namespace,
  namespaces,
  onNamespaceChange,
  checkImages,
}: PreflightPanelProps) => {
  const { t } = usePluginTranslation();
  const columns = {
    kernel: t('Kernel version'),
    nodes: t('Nodes'),
    image: t('Image'),
    check: t('Check'),
  };
  const results = new Map<string, ImageCheck>(
    checks.status === 'done' ? checks.checks.map((check) => [check.reference, check]) : [],
  );
  const namespaceReason =
    !checkImages.loading && !checkImages.allowed && namespace
      ? t('You cannot create ImageStreamImports in {{namespace}}, so the images are not checked.', {
          namespace,
        })
      : undefined;

  const checkCell = (reference: string | undefined) => {
    if (reference === undefined) return t('No kernel version reported');
    const check = results.get(reference);
    if (check) {
      return (
        <>
          <ImageCheckLabel result={check.result} />
          {(check.message ?? check.noAnswer) && (
            <Content component="small" data-test="day1-image-check-message">
              {' '}
              {check.message ?? t('The registry gave no answer for this image.')}
            </Content>
          )}
        </>
      );
    }
    if (checks.status === 'loading')
      return <Spinner size="sm" aria-label={t('Checking {{image}}', { image: reference })} />;
    return t('Not checked');
  };

  return (
    <Card data-test="day1-preflight" isCompact>
      <CardHeader
        actions={{
          actions: (
            <Button
              variant="secondary"
              icon={<SyncAltIcon />}
              onClick={checks.rerun}
              isDisabled={!imageReady || !checkImages.allowed || checks.status === 'loading'}
              data-test="day1-preflight-rerun"
            >
              {t('Check again')}
            </Button>
          ),
          hasNoOffset: false,
        }}
      >
        <CardTitle component="h2">{t('Preflight')}</CardTitle>
      </CardHeader>
      <CardBody>
        {!poolName ? (
          <Content component="p">
            {t('Choose a pool to see its nodes, their images and the reboots.')}
          </Content>
        ) : (
          <>
            <FormGroup label={t('Namespace for the image checks')} fieldId={NAMESPACE_FIELD_ID}>
              {namespaces && namespaces.length > 0 ? (
                <FormSelect
                  id={NAMESPACE_FIELD_ID}
                  data-test={NAMESPACE_FIELD_ID}
                  value={namespace}
                  onChange={(_event, value) => {
                    onNamespaceChange(value);
                  }}
                  aria-describedby={`${NAMESPACE_FIELD_ID}-helper`}
                >
                  {(namespaces.includes(namespace) ? namespaces : [namespace, ...namespaces]).map(
                    (name) => (
                      <FormSelectOption key={name} value={name} label={name} />
                    ),
                  )}
                </FormSelect>
              ) : (
                <TextInput
                  id={NAMESPACE_FIELD_ID}
                  data-test={NAMESPACE_FIELD_ID}
                  value={namespace}
                  onChange={(_event, value) => {
                    onNamespaceChange(value.trim());
                  }}
                  aria-describedby={`${NAMESPACE_FIELD_ID}-helper`}
                />
              )}
              <FieldHelper
                fieldId={NAMESPACE_FIELD_ID}
                errors={namespaceReason ? [namespaceReason] : undefined}
                helper={t(
                  "The registry is asked with this namespace's pull secrets, through an ImageStreamImport that imports nothing.",
                )}
              />
            </FormGroup>
            {preflight.poolNotes.map((note) => (
              <Content
                component="p"
                key={`${note.code}-${'from' in note ? note.from : ''}`}
                data-test={`day1-${note.code}`}
              >
                {poolNoteText(t, note)}
              </Content>
            ))}
            {checks.status === 'error' && (
              <Alert
                variant="danger"
                isInline
                title={t('Could not check the images')}
                data-test="day1-preflight-error"
                actionLinks={
                  <Button variant="link" isInline onClick={checks.rerun}>
                    {t('Check again')}
                  </Button>
                }
              >
                {errorMessage(checks.error)}
              </Alert>
            )}
            {!imageReady && (
              <Content component="p" data-test="day1-preflight-needs-image">
                {t('Enter a valid kernel module image to see the image each node pulls.')}
              </Content>
            )}
            <Table
              aria-label={t('Nodes by kernel version')}
              variant="compact"
              data-test="day1-kernel-groups"
            >
              <Thead>
                {/* Set shares: long image references and registry messages break anywhere, so without
                    them the browser leaves those columns a few characters wide. */}
                <Tr>
                  <Th width={25}>{columns.kernel}</Th>
                  <Th width={15}>{columns.nodes}</Th>
                  <Th width={35}>{columns.image}</Th>
                  <Th width={25}>{columns.check}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {preflight.groups.map((group) => (
                  <Tr
                    key={group.kernelVersion ?? ''}
                    data-test={`day1-kernel-group-${group.kernelVersion ?? 'unknown'}`}
                  >
                    <Td dataLabel={columns.kernel}>{group.kernelVersion ?? t('Unknown')}</Td>
                    <Td dataLabel={columns.nodes}>{group.nodeNames.join(', ')}</Td>
                    <Td dataLabel={columns.image} modifier="breakWord">
                      {imageReady ? (group.imageReference ?? '-') : '-'}
                    </Td>
                    <Td dataLabel={columns.check} modifier="breakWord">
                      {imageReady ? checkCell(group.imageReference) : '-'}
                    </Td>
                  </Tr>
                ))}
                {workerImage && (
                  <Tr data-test="day1-worker-image-check">
                    <Td dataLabel={columns.kernel}>{t('Worker image')}</Td>
                    <Td dataLabel={columns.nodes}>{t('All')}</Td>
                    <Td dataLabel={columns.image} modifier="breakWord">
                      {workerImage}
                    </Td>
                    <Td dataLabel={columns.check} modifier="breakWord">
                      {checkCell(workerImage)}
                    </Td>
                  </Tr>
                )}
              </Tbody>
            </Table>
            <RebootSummary notes={preflight.rebootNotes} warning={preflight.warning} />
          </>
        )}
      </CardBody>
    </Card>
  );
};

export default PreflightPanel;
