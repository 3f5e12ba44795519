import { useState } from 'react';
import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { FilterIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';

interface CountedCheckboxFilterProps<T extends string> {
  /** The toggle's text, such as "Phase". */
  label: string;
  /** The list's accessible name, such as "Filter by phase". */
  listLabel: string;
  /** Prefix of the data-test attributes: `<prefix>-toggle`, `<prefix>-<value>`. */
  testPrefix: string;
  values: readonly T[];
  textOf: (value: T) => string;
  selected: readonly T[];
  counts: Readonly<Record<T, number>>;
  onToggle: (value: T) => void;
}

/** A checkbox select of values, each with its node count, as the node table's filters show them. */
const CountedCheckboxFilter = <T extends string>({
  label,
  listLabel,
  testPrefix,
  values,
  textOf,
  selected,
  counts,
  onToggle,
}: CountedCheckboxFilterProps<T>) => {
  const { t } = usePluginTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Select
      role="menu"
      isOpen={isOpen}
      selected={selected}
      onSelect={(_event, value) => {
        onToggle(value as T);
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
          data-test={`${testPrefix}-toggle`}
        >
          {label}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={listLabel}>
        {values.map((value) => (
          <SelectOption
            key={value}
            value={value}
            hasCheckbox
            isSelected={selected.includes(value)}
            data-test={`${testPrefix}-${value}`}
          >
            {t('{{phase}} ({{nodeCount}})', { phase: textOf(value), nodeCount: counts[value] })}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};

export default CountedCheckboxFilter;
