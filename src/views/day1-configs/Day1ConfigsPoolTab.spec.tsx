import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { MachineConfigPool } from '../../k8s/types';
import { produceMachineConfig, produceMachineConfigPool } from '../../producer';
import Day1ConfigsPoolTab from './Day1ConfigsPoolTab';
import { answerWatches } from '../../../test/support/views/watch-fixtures';

const config = (name: string, pool: string) =>
  produceMachineConfig({
    machineConfigName: name,
    machineConfigPoolRef: pool,
    kernelModuleImage: 'quay.io/acme/sfc-kmod',
    kernelModuleName: 'sfc',
  });
const sfcPool = produceMachineConfigPool('sfc');

const renderTab = (pool: MachineConfigPool) =>
  render(
    <MemoryRouter>
      <Day1ConfigsPoolTab obj={pool} />
    </MemoryRouter>,
  );

describe('Day1ConfigsPoolTab', () => {
  it("lists the pool's own Day 1 configs and the worker ones it inherits, not other pools'", () => {
    answerWatches({
      MachineConfig: [
        [
          config('99-sfc-day1', 'sfc'),
          config('98-worker-day1', 'worker'),
          config('97-master-day1', 'master'),
        ],
        true,
      ],
    });
    renderTab(sfcPool);
    expect(screen.getByTestId('day1-config-row-99-sfc-day1')).toBeInTheDocument();
    expect(screen.getByTestId('day1-config-row-98-worker-day1')).toBeInTheDocument();
    expect(screen.queryByTestId('day1-config-row-97-master-day1')).not.toBeInTheDocument();
  });

  it('explains the empty state with the pool name', () => {
    answerWatches({ MachineConfig: [[config('97-master-day1', 'master')], true] });
    const master: MachineConfigPool = {
      ...sfcPool,
      metadata: { name: 'master' },
      spec: {
        machineConfigSelector: {
          matchLabels: { 'machineconfiguration.openshift.io/role': 'infra' },
        },
      },
    };
    renderTab(master);
    expect(screen.getByTestId('day1-configs-empty')).toHaveTextContent(
      'No Day 1 kernel module config applies to the nodes of master.',
    );
  });

  it('shows the loading state until MachineConfigs arrive', () => {
    answerWatches({});
    renderTab(sfcPool);
    expect(screen.getByTestId('day1-configs-loading')).toBeInTheDocument();
  });
});
