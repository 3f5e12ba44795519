/**
 * What the create page tells before anything is created: which in-tree entries are bad, a taken
 * MachineConfig name, another Day 1 config loading the same module on the same nodes, and what the
 * MachineConfig installs on the nodes, readable.
 */
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { validateDay1Options } from '../../producer';
import { renderCreatePage, serveCreates, serveDemoCluster } from './create-fixtures';

const textbox = (name: string) => screen.getByRole('textbox', { name });

beforeEach(() => {
  serveDemoCluster();
  serveCreates();
  jest.mocked(useAccessReview).mockImplementation(() => [true, false]);
});

describe('the in-tree modules field', () => {
  it('says in its help that commas and spaces separate names', () => {
    renderCreatePage();
    expect(textbox('In-tree modules to remove')).toHaveAccessibleDescription(
      expect.stringContaining('Commas and spaces separate names'),
    );
  });

  it('marks the bad entries, and each says its own problem to screen readers', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await user.type(textbox('In-tree modules to remove'), 'sfc mdio,nvme-core nvme_core a.b ');
    await user.tab();

    const [repeat, invalid] = validateDay1Options({
      machineConfigName: '99-sfc-day1',
      machineConfigPoolRef: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod',
      kernelModuleName: 'sfc',
      inTreeModulesToRemove: ['sfc', 'mdio', 'nvme-core', 'nvme_core', 'a.b'],
    }).map((error) => error.message);
    const label = (name: string) => screen.getByTestId(`day1-in-tree-modules-label-${name}`);
    for (const good of ['sfc', 'mdio', 'nvme-core']) {
      expect(label(good)).not.toHaveAttribute('data-invalid');
      expect(within(label(good)).getByRole('button')).not.toHaveAccessibleDescription();
    }
    for (const [bad, message] of [
      ['nvme_core', repeat],
      ['a.b', invalid],
    ]) {
      expect(label(bad)).toHaveAttribute('data-invalid', 'true');
      expect(label(bad)).toHaveClass('pf-m-danger');
      expect(label(bad)).toHaveTextContent(`${bad} (invalid)`);
      expect(screen.getByRole('button', { name: `Remove ${bad}` })).toHaveAccessibleDescription(
        expect.stringContaining(message),
      );
    }

    // Removing the repeat clears its mark; the other bad entry keeps its own.
    await user.click(screen.getByRole('button', { name: 'Remove nvme_core' }));
    expect(label('a.b')).toHaveAttribute('data-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Remove a.b' })).toHaveAccessibleDescription(
      expect.stringContaining('"a.b" is not a valid kernel module name'),
    );
  });

  it('marks nothing before the field is left', async () => {
    const user = userEvent.setup();
    renderCreatePage('/day1-kernel-modules/~new?pool=sfc');
    await user.type(textbox('In-tree modules to remove'), 'a.b ');
    expect(screen.getByTestId('day1-in-tree-modules-label-a.b')).not.toHaveAttribute(
      'data-invalid',
    );
  });
});
