import { HttpError } from '@openshift-console/dynamic-plugin-sdk';
import { readApiError } from './api-error';

describe('readApiError', () => {
  it("reads the SDK's HttpError: code, and the Status body's reason, message and causes", () => {
    const error = Object.assign(new Error('Unprocessable Entity'), {
      code: 422,
      json: {
        kind: 'Status',
        reason: 'Invalid',
        message: 'MachineConfig.machineconfiguration.openshift.io "x" is invalid',
        details: {
          causes: [
            { field: 'metadata.name', message: 'must be lowercase' },
            { field: 'spec.config', message: '' },
          ],
        },
      },
    });
    expect(readApiError(error)).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'MachineConfig.machineconfiguration.openshift.io "x" is invalid',
      causes: [{ field: 'metadata.name', message: 'must be lowercase' }],
    });
  });

  it('falls back to the error message when there is no Status body', () => {
    expect(readApiError(Object.assign(new Error('Failed to fetch'), {}))).toEqual({
      code: undefined,
      reason: undefined,
      message: 'Failed to fetch',
      causes: [],
    });
  });

  it("reads console's HttpError and its Status body", () => {
    const error = new HttpError('Error "Invalid value" for field "spec".', 422, undefined, {
      kind: 'Status',
      reason: 'Invalid',
      message: 'MachineConfig "x" is invalid: spec: Invalid value',
      details: { causes: [{ field: 'spec', message: 'Invalid value' }, { reason: 'NoMessage' }] },
    });
    expect(readApiError(error)).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'MachineConfig "x" is invalid: spec: Invalid value',
      causes: [{ field: 'spec', message: 'Invalid value' }],
    });
  });

  it('copes with thrown strings and odd objects', () => {
    expect(readApiError('timeout').message).toBe('timeout');
    expect(readApiError({ code: 500 }).code).toBe(500);
    expect(readApiError({ code: 500 }).message).toBe('{"code":500}');
  });
});
