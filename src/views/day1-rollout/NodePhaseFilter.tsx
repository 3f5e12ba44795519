import { usePluginTranslation } from '../shared/usePluginTranslation';
import { NODE_PHASES } from '../../rollout';
import type { NodePhase } from '../../rollout';
import { nodePhaseText } from '../shared/rollout-text';
import CountedCheckboxFilter from './CountedCheckboxFilter';

interface NodePhaseFilterProps {
  selected: readonly NodePhase[];
  counts: Record<NodePhase, number>;
  onToggle: (phase: NodePhase) => void;
}

/** A checkbox select of phases, each with its node count. */
const NodePhaseFilter = ({ selected, counts, onToggle }: NodePhaseFilterProps) => {
  const { t } = usePluginTranslation();
  return (
    <CountedCheckboxFilter
      label={t('Phase')}
      listLabel={t('Filter by phase')}
      testPrefix="phase-filter"
      values={NODE_PHASES}
      textOf={(phase) => nodePhaseText(t, phase)}
      selected={selected}
      counts={counts}
      onToggle={onToggle}
    />
  );
};

export default NodePhaseFilter;
