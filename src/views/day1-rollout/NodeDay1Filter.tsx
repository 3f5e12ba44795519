import { useState } from 'react';
import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { FilterIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Day1Outcome } from '../../rollout';
import { DAY1_OUTCOMES } from './node-table-model';
import { day1OutcomeText } from '../shared/day1-state-text';

interface NodeDay1FilterProps {
  selected: readonly Day1Outcome[];
  counts: Readonly<Record<Day1Outcome, number>>;
  onToggle: (outcome: Day1Outcome) => void;
}

/** A checkbox select of Day 1 outcomes (loaded, failed, unreachable…), each with its node count. */
const NodeDay1Filter = ({ selected, counts, onToggle }: NodeDay1FilterProps) => {
  const { t } = usePluginTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Select
      role="menu"
      isOpen={isOpen}
      selected={selected}
      onSelect={(_event, value) => {
        onToggle(value as Day1Outcome);
      }}
      onOpenChange={setIsOpen}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          icon={<FilterIcon />}
          onClick={() => {
            setIsOpen((open) => !open);
          }}
          isExpanded={isOpen}
          badge={selected.length > 0 ? <Badge isRead>{selected.length}</Badge> : undefined}
          data-test="day1-filter-toggle"
        >
          {t('Day 1')}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={t('Filter by Day 1 state')}>
        {DAY1_OUTCOMES.map((outcome) => (
          <SelectOption
            key={outcome}
            value={outcome}
            hasCheckbox
            isSelected={selected.includes(outcome)}
            data-test={`day1-filter-${outcome}`}
          >
            {t('{{phase}} ({{nodeCount}})', {
              phase: day1OutcomeText(t, outcome),
              nodeCount: counts[outcome],
            })}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};

export default NodeDay1Filter;
