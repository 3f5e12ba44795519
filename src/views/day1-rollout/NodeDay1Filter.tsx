import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Day1Outcome } from '../../rollout';
import { DAY1_OUTCOMES } from './node-table-model';
import { day1OutcomeText } from '../shared/day1-state-text';
import CountedCheckboxFilter from './CountedCheckboxFilter';

interface NodeDay1FilterProps {
  selected: readonly Day1Outcome[];
  counts: Readonly<Record<Day1Outcome, number>>;
  onToggle: (outcome: Day1Outcome) => void;
}

/** A checkbox select of Day 1 outcomes (loaded, failed, unreachable…), each with its node count. */
const NodeDay1Filter = ({ selected, counts, onToggle }: NodeDay1FilterProps) => {
  const { t } = usePluginTranslation();
  return (
    <CountedCheckboxFilter
      label={t('Day 1')}
      listLabel={t('Filter by Day 1 state')}
      testPrefix="day1-filter"
      values={DAY1_OUTCOMES}
      textOf={(outcome) => day1OutcomeText(t, outcome)}
      selected={selected}
      counts={counts}
      onToggle={onToggle}
    />
  );
};

export default NodeDay1Filter;
