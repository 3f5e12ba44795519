import { Alert, Checkbox, List, ListItem } from '@patternfly/react-core';
import { usePluginTranslation } from './usePluginTranslation';
import type { PoolRemoval } from '../../mco/pool-removal';

interface RemovePoolOptionProps {
  removal: PoolRemoval;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Why the user may not remove the pool (no permission), if so. */
  disabledReason?: string;
  /** While the delete runs. */
  isDisabled: boolean;
}

/**
 * For a config created together with a custom pool: the choice to remove that pool and its node
 * labels too (off by default), with what it means for the nodes; or why the pool stays.
 */
const RemovePoolOption = ({
  removal,
  checked,
  onChange,
  disabledReason,
  isDisabled,
}: RemovePoolOptionProps) => {
  const { t } = usePluginTranslation();
  /** Why the pool is kept, in the words of `removal.code`. */
  const stays = (pool: string, testId: string, why: string) => (
    <Alert
      variant="info"
      isInline
      isPlain
      title={t('The pool {{pool}} stays', { pool })}
      data-test={testId}
    >
      {why}
    </Alert>
  );
  switch (removal.code) {
    case 'noPool':
      return null;
    case 'poolNeeded':
      return stays(
        removal.pool,
        'delete-day1-config-pool-needed',
        t(
          '{{pool}} was created with this config, but other configs reach nodes only through it: {{configs}}.',
          { pool: removal.pool, configs: removal.configs.join(', ') },
        ),
      );
    case 'selectorNotLabels':
      return stays(
        removal.pool,
        'delete-day1-config-pool-selector',
        t(
          '{{pool}} was created with this config, but it no longer selects its nodes by labels alone: remove it by hand.',
          { pool: removal.pool },
        ),
      );
    case 'nodesWithoutPool':
      return stays(
        removal.pool,
        'delete-day1-config-pool-stranded',
        t(
          '{{pool}} was created with this config, but without its label these nodes would be in no pool, and the Machine Config Operator would leave them on a config that goes with the pool: {{nodes}}.',
          { pool: removal.pool, nodes: removal.nodes.join(', ') },
        ),
      );
    case 'removable': {
      const labels = Object.keys(removal.labels).join(', ');
      const nextPools = [...new Set(removal.nodes.map((node) => node.nextPool))].sort().join(', ');
      return (
        <div data-test="delete-day1-config-remove-pool">
          <Checkbox
            id="delete-day1-config-remove-pool"
            label={t('Also remove the pool {{pool}} and its node labels', { pool: removal.pool })}
            description={
              disabledReason ??
              (removal.nodes.length > 0
                ? t(
                    '{{pool}} was created with this config, and no other config needs it. Its nodes lose the label {{labels}} first and move back to {{nextPools}}: the Machine Config Operator applies that config, without this Day 1 config, and each node reboots once. The config and the pool are deleted once every node has moved.',
                    { pool: removal.pool, labels, nextPools },
                  )
                : t(
                    '{{pool}} was created with this config, and no other config needs it. It has no nodes: the config and the pool are deleted.',
                    { pool: removal.pool },
                  ))
            }
            isChecked={checked}
            isDisabled={isDisabled || disabledReason !== undefined}
            onChange={(_event, value) => {
              onChange(value);
            }}
          />
          {checked && (
            <List data-test="delete-day1-config-node-moves">
              {removal.nodes.map((node) => (
                <ListItem key={node.name}>
                  {t('{{node}} moves back to {{pool}} and reboots once', {
                    node: node.name,
                    pool: node.nextPool,
                  })}
                </ListItem>
              ))}
            </List>
          )}
        </div>
      );
    }
  }
};

export default RemovePoolOption;
