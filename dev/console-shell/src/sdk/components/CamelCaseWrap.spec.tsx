import { render, within } from '@testing-library/react';
import { CamelCaseWrap } from './CamelCaseWrap';

/** The text between the line-break opportunities, as console's CamelCaseWrap places them. */
const pieces = (value: string) => {
  const { container } = render(<CamelCaseWrap value={value} dataTest="wrapped" />);
  return within(container).getByTestId('wrapped').innerHTML.split('<wbr>');
};

describe('CamelCaseWrap', () => {
  it('may break before each capital, keeping runs of capitals together', () => {
    expect(pieces('MachineConfigNode')).toEqual(['Machine', 'Config', 'Node']);
    expect(pieces('NodeDegraded')).toEqual(['Node', 'Degraded']);
    expect(pieces('Waiting for MCO')).toEqual(['Waiting for ', 'MCO']);
    expect(pieces('updated')).toEqual(['updated']);
  });

  it('shows a dash without text', () => {
    const { container } = render(<CamelCaseWrap value="" />);
    expect(container).toHaveTextContent(/^-$/);
  });
});
