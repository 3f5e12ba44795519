import { TextDecoder, TextEncoder } from 'node:util';
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Console's test-id convention is `data-test`, not `data-testid`.
configure({ testIdAttribute: 'data-test' });

// jsdom lacks TextEncoder/TextDecoder, which every browser running console has.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
