import { useState } from 'react';
import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { FilterIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { NODE_PHASES } from '../../rollout';
import type { NodePhase } from '../../rollout';
import { nodePhaseText } from '../shared/rollout-text';

interface NodePhaseFilterProps {
  selected: readonly NodePhase[];
  counts: Record<NodePhase, number>;
  onToggle: (phase: NodePhase) => void;
}

/** A checkbox select of phases, each with its node count. */
const NodePhaseFilter = ({ selected, counts, onToggle }: NodePhaseFilterProps) => {
  const { t } = usePluginTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Select
      role="menu"
      isOpen={isOpen}
      selected={selected}
      onSelect={(_event, value) => {
        onToggle(value as NodePhase);
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
          data-test="phase-filter-toggle"
        >
          {t('Phase')}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={t('Filter by phase')}>
        {NODE_PHASES.map((phase) => (
          <SelectOption
            key={phase}
            value={phase}
            hasCheckbox
            isSelected={selected.includes(phase)}
            data-test={`phase-filter-${phase}`}
          >
            {t('{{phase}} ({{nodeCount}})', {
              phase: nodePhaseText(t, phase),
              nodeCount: counts[phase],
            })}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};

export default NodePhaseFilter;
