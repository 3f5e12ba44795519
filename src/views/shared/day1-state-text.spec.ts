import i18n from 'i18next';
import { formatDay1State } from '../../rollout';
import { DAY1_STATES } from '../../rollout/day1-state';
import type { Day1State } from '../../rollout/day1-state';
import { day1StateText } from './day1-state-text';
import type { Translate } from './usePluginTranslation';

// The catalog that setup-tests.ts loads, as the views get it.
const t: Translate = i18n.getFixedT('en', 'plugin__kmm-day1-console-plugin');

const cases: [Day1State, boolean | null][] = [
  ...DAY1_STATES.map((state): [Day1State, null] => [state, null]),
  ['LoadFailed', true],
  ['LoadFailed', false],
];

describe('day1StateText', () => {
  it.each(cases)('words %s (in-tree restored: %s) as the CLI does', (state, inTreeRestored) => {
    const node = {
      state,
      worstConfig: '99-sfc-day1',
      configs: [{ machineConfig: '99-sfc-day1', state, inTreeRestored }],
      rebooting: false,
    };
    expect(day1StateText(t, state, inTreeRestored)).toBe(formatDay1State(node));
  });
});
