import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { Dropdown, DropdownItem, DropdownList, MenuToggle, Tooltip } from '@patternfly/react-core';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { Action, ResourceActionProvider } from '@openshift-console/dynamic-plugin-sdk';
import { useNavigate } from 'react-router';
import { useAccessReview } from '../sdk/access-review';
import { useResolvedExtensions } from '../sdk/extensions/useResolvedExtensions';
import { getGroupVersionKindForResource, getReference } from '../sdk/k8s-ref';

const isResourceActionProvider = (e: { type: string }): e is ResourceActionProvider =>
  e.type === 'console.action/resource-provider';

type ProviderHook = (resource: unknown) => [Action[], boolean, unknown];

/** Calls one provider's hook (a component per provider, so each keeps its own hook order). */
const ProviderResult = memo(
  ({
    uid,
    useProvider,
    resource,
    onResult,
  }: {
    uid: string;
    useProvider: ProviderHook;
    resource: SDK.K8sResourceCommon;
    onResult: (uid: string, actions: Action[] | undefined) => void;
  }) => {
    const [actions, loaded] = useProvider(resource);
    useEffect(() => {
      onResult(uid, loaded ? actions : undefined);
    }, [uid, actions, loaded, onResult]);
    useEffect(
      () => () => {
        onResult(uid, undefined);
      },
      [uid, onResult],
    );
    return null;
  },
);

/** One menu item: disabled while its access review says no, with the action's reason if it has one. */
const ActionItem = ({ action, onDone }: { action: Action; onDone: () => void }) => {
  const navigate = useNavigate();
  const [allowed, loading] = useAccessReview(
    action.accessReview ?? { resource: '', verb: 'get' },
    undefined,
    action.accessReview === undefined,
  );
  const disabled = !!action.disabled || loading || !allowed;
  const item = (
    <DropdownItem
      value={action.id}
      description={action.description}
      isAriaDisabled={disabled}
      data-test-action={action.id}
      onClick={() => {
        if (disabled) return;
        onDone();
        if (typeof action.cta === 'function') action.cta();
        else if (action.cta.external) window.open(action.cta.href, '_blank', 'noopener');
        else void navigate(action.cta.href);
      }}
    >
      {action.label}
    </DropdownItem>
  );
  const reason = action.disabled ? action.disabledTooltip : undefined;
  return reason ? <Tooltip content={reason}>{item}</Tooltip> : item;
};

/**
 * console's Actions menu on a details page, as far as plugins fill it: the actions of every
 * `console.action/resource-provider` extension whose model is the resource's kind. Console's own
 * actions (Edit labels, Delete, …) are not simulated; without plugin actions there is no menu.
 */
export const ResourceActionsMenu = ({ resource }: { resource: SDK.K8sResourceCommon }) => {
  const [extensions] = useResolvedExtensions<ResourceActionProvider>(isResourceActionProvider);
  const reference = getReference(getGroupVersionKindForResource(resource));
  const providers = useMemo(
    () => extensions.filter((e) => getReference(e.properties.model) === reference),
    [extensions, reference],
  );
  const [results, setResults] = useState<Record<string, Action[] | undefined>>({});
  const onResult = useCallback((uid: string, actions: Action[] | undefined) => {
    setResults((current) => (current[uid] === actions ? current : { ...current, [uid]: actions }));
  }, []);
  const [isOpen, setOpen] = useState(false);
  const actions = providers.flatMap((e) => results[e.uid] ?? []);
  return (
    <>
      {providers.map((e) => (
        <ProviderResult
          key={e.uid}
          uid={e.uid}
          useProvider={e.properties.provider as unknown as ProviderHook}
          resource={resource}
          onResult={onResult}
        />
      ))}
      {actions.length > 0 && (
        <Dropdown
          isOpen={isOpen}
          onOpenChange={setOpen}
          popperProps={{ position: 'right' }}
          toggle={(toggleRef) => (
            <MenuToggle
              ref={toggleRef}
              onClick={() => {
                setOpen((open) => !open);
              }}
              isExpanded={isOpen}
              data-test="actions-menu-button"
            >
              Actions
            </MenuToggle>
          )}
        >
          <DropdownList>
            {actions.map((action) => (
              <ActionItem
                key={action.id}
                action={action}
                onDone={() => {
                  setOpen(false);
                }}
              />
            ))}
          </DropdownList>
        </Dropdown>
      )}
    </>
  );
};
