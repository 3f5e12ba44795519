import { HttpError } from '@openshift-console/dynamic-plugin-sdk';
import { render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import ApiErrorAlert from './ApiErrorAlert';

/** console's HttpError for a 422 whose Status names the rejected fields. */
const invalid = () => {
  const error = new HttpError('Unprocessable Entity', 422);
  error.json = {
    kind: 'Status',
    reason: 'Invalid',
    message: 'MachineConfig.machineconfiguration.openshift.io "99-sfc-day1" is invalid',
    details: {
      causes: [
        { field: 'spec.kernelType', message: 'Unsupported value: "rt"' },
        { message: 'a cause without a field' },
      ],
    },
  };
  return error;
};

describe('ApiErrorAlert', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it("shows the server's message, each rejected field with its reason, and what to do", () => {
    render(
      <ApiErrorAlert
        error={invalid()}
        title="Could not create"
        verb="create"
        resource="machineconfigs"
      />,
    );
    const alert = screen.getByTestId('api-error');
    expect(within(alert).getByText(/"99-sfc-day1" is invalid/)).toBeVisible();
    const causes = within(alert).getAllByRole('listitem');
    expect(causes.map((item) => item.textContent)).toEqual([
      'spec.kernelType: Unsupported value: "rt"',
      'a cause without a field',
    ]);
    expect(screen.getByTestId('api-error-guidance')).toHaveTextContent(
      'The API server rejected the object as invalid.',
    );
  });

  it('lets a translation place the field and its reason', async () => {
    i18n.addResourceBundle('fr', 'plugin__kmm-day1-console-plugin', {
      '{{field}}: {{message}}': '{{field}} : {{message}}',
    });
    await i18n.changeLanguage('fr');
    render(
      <ApiErrorAlert
        error={invalid()}
        title="Création impossible"
        verb="create"
        resource="machineconfigs"
      />,
    );
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent(
      'spec.kernelType : Unsupported value: "rt"',
    );
  });
});
