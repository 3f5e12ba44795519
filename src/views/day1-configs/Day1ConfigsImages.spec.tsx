import { k8sCreate, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, waitFor, within } from '@testing-library/react';
import i18n from 'i18next';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { ImageStreamImport } from '../../k8s/types';
import { produceMachineConfig } from '../../producer';
import { node as rolloutNode, pool } from '../../../test/support/rollout-objects';
import { answerWatches } from '../../../test/support/views/watch-fixtures';
import Day1ConfigsPage from './Day1ConfigsPage';

const EL94 = '5.14.0-427.13.1.el9_4.x86_64';
const EL92 = '5.14.0-284.59.1.el9_2.x86_64';

const workerPool = pool({ name: 'worker' });
const node = (name: string, kernelVersion: string) => rolloutNode(name, { kernelVersion });

const iceConfig = (image: string) =>
  produceMachineConfig({
    machineConfigName: '99-ice-day1',
    machineConfigPoolRef: 'worker',
    kernelModuleImage: image,
    kernelModuleName: 'ice',
    inTreeModulesToRemove: ['ice'],
  });

/** The registry behind the mocked ImageStreamImport: these references exist. */
const serveRegistry = (...existing: string[]) => {
  jest.mocked(k8sCreate).mockImplementation(({ data }) => {
    const request = data as ImageStreamImport;
    const answer: ImageStreamImport = {
      ...request,
      status: {
        images: request.spec.images.map(({ from }) =>
          existing.includes(from.name)
            ? { status: { status: 'Success' } }
            : {
                status: {
                  status: 'Failure',
                  reason: 'NotFound',
                  code: 404,
                  message: 'manifest unknown',
                },
              },
        ),
      },
    };
    return Promise.resolve(answer);
  });
};

const imageRequests = () =>
  jest.mocked(k8sCreate).mock.calls.map(([{ data }]) => data as ImageStreamImport);

const serveCluster = (image: string) => {
  answerWatches({
    MachineConfig: [[iceConfig(image)], true],
    MachineConfigPool: [[workerPool], true],
    Node: [[node('worker-0', EL94), node('worker-1', EL92), node('worker-2', EL94)], true],
    Namespace: [
      [{ metadata: { name: 'default' } }, { metadata: { name: 'kmm-day1-checks' } }],
      true,
    ],
  });
};

const renderPage = () =>
  render(
    <MemoryRouter>
      <Day1ConfigsPage />
    </MemoryRouter>,
  );

describe('Day 1 configs list: Images column', () => {
  it('shows N of M kernels, and the missing tag on hover and on keyboard focus', async () => {
    const image = 'quay.io/acme/ice-kmod';
    serveCluster(image);
    serveRegistry(`${image}:${EL94}`);
    renderPage();
    const count = await screen.findByTestId('config-images-count');
    await waitFor(() => {
      expect(count).toHaveTextContent('Images: 1 of 2 kernels');
    });
    // One ImageStreamImport per kernel, looking up only, in the namespace made for checks.
    const requests = imageRequests();
    expect(requests.map((r) => r.spec.images.map((i) => i.from.name))).toEqual(
      expect.arrayContaining([[`${image}:${EL92}`], [`${image}:${EL94}`]]),
    );
    expect(requests).toHaveLength(2);
    expect(
      requests.every((r) => !r.spec.import && r.metadata.namespace === 'kmm-day1-checks'),
    ).toBe(true);
    expect(screen.getByTestId('config-images')).toHaveAttribute('data-state', 'partial');

    // The cell is in the tab order: tab until it has the focus.
    const focusable = screen.getByTestId('config-images');
    for (let i = 0; i < 50 && !focusable.matches(':focus'); i++) await userEvent.tab();
    expect(focusable).toHaveFocus();
    const details = await screen.findByTestId('config-images-details');
    expect(details).toHaveTextContent(`Missing tags: ${EL92}`);
    expect(within(details).getByText(`${image}:${EL94}: Tag found`)).toBeInTheDocument();
  });

  it('is full when the image has every tag', async () => {
    const image = 'quay.io/acme/ice-kmod-full';
    serveCluster(image);
    serveRegistry(`${image}:${EL94}`, `${image}:${EL92}`);
    renderPage();
    await waitFor(() => {
      expect(screen.getByTestId('config-images')).toHaveAttribute('data-state', 'full');
    });
    expect(screen.getByTestId('config-images-count')).toHaveTextContent('Images: 2 of 2 kernels');
  });

  it('says why coverage is unknown without permission to create ImageStreamImports', async () => {
    const image = 'quay.io/acme/ice-kmod-private';
    serveCluster(image);
    serveRegistry();
    jest
      .mocked(useAccessReview)
      .mockImplementation(({ resource }) => [resource !== 'imagestreamimports', false]);
    renderPage();
    const cell = await screen.findByTestId('config-images');
    expect(cell).toHaveAttribute('data-state', 'unknown');
    expect(screen.getByTestId('config-images-count')).toHaveTextContent(
      'Images: 0 of 2 kernels (2 unknown)',
    );
    await userEvent.hover(cell);
    expect(await screen.findByTestId('config-images-details')).toHaveTextContent(
      'You cannot create ImageStreamImports in kmm-day1-checks, so the image tags are not checked.',
    );
    expect(imageRequests()).toHaveLength(0);
  });

  it('words each kernel line and the unknown count through the catalog, for translators to reorder', async () => {
    const namespace = 'plugin__kmm-day1-console-plugin';
    const line = '{{reference}}: {{answer}}';
    const count = '{{images}} ({{unknown}})';
    i18n.addResources('en', namespace, {
      [line]: '{{answer}} ← {{reference}}',
      [count]: '{{unknown}} / {{images}}',
    });
    try {
      const image = 'quay.io/acme/ice-kmod-translated';
      serveCluster(image);
      serveRegistry(`${image}:${EL94}`);
      jest
        .mocked(useAccessReview)
        .mockImplementation(({ resource }) => [resource !== 'imagestreamimports', false]);
      renderPage();
      const cell = await screen.findByTestId('config-images');
      expect(screen.getByTestId('config-images-count')).toHaveTextContent(
        '2 unknown / Images: 0 of 2 kernels',
      );
      await userEvent.hover(cell);
      const details = await screen.findByTestId('config-images-details');
      expect(
        within(details).getByText(
          `You cannot create ImageStreamImports in kmm-day1-checks, so the image tags are not checked. ← ${image}:${EL94}`,
        ),
      ).toBeInTheDocument();
    } finally {
      i18n.addResources('en', namespace, { [line]: line, [count]: count });
    }
  });
});
