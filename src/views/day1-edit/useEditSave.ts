import { useCallback, useEffect, useRef, useState } from 'react';
import { k8sGet, k8sUpdate } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigModel } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { readApiError } from '../../k8s/api-error';

export type EditSaveState =
  | { status: 'idle' }
  | { status: 'saving'; phase: 'dryRun' | 'update' }
  | { status: 'saved'; machineConfig: MachineConfig }
  /** Someone changed the config since it was loaded: the update was refused (409), nothing written. */
  | { status: 'conflict'; theirs: MachineConfig }
  | { status: 'failed'; phase: 'dryRun' | 'update'; error: unknown };

/**
 * Save = a server-side dry run of the update, then the update itself. Both carry the resourceVersion
 * of the config the user started from, so the API server refuses them (409 Conflict) if anyone
 * changed it meanwhile; the config as it is now is then fetched, to show what changed. Nothing is
 * ever written over a newer version.
 */
export const useEditSave = () => {
  const [state, setState] = useState<EditSaveState>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const set = (next: EditSaveState) => {
    if (mounted.current) setState(next);
  };

  const save = useCallback(async (machineConfig: MachineConfig) => {
    let phase: 'dryRun' | 'update' = 'dryRun';
    try {
      set({ status: 'saving', phase });
      await k8sUpdate({
        model: MachineConfigModel,
        data: machineConfig,
        queryParams: { dryRun: 'All' },
      });
      phase = 'update';
      set({ status: 'saving', phase });
      const saved = await k8sUpdate({ model: MachineConfigModel, data: machineConfig });
      set({ status: 'saved', machineConfig: saved });
    } catch (error) {
      if (readApiError(error).code !== 409) {
        set({ status: 'failed', phase, error });
        return;
      }
      try {
        const theirs = await k8sGet<MachineConfig>({
          model: MachineConfigModel,
          name: machineConfig.metadata.name,
        });
        set({ status: 'conflict', theirs });
      } catch (getError) {
        // Deleted meanwhile (404), or unreadable: say so rather than a conflict with nothing to show.
        set({ status: 'failed', phase, error: getError });
      }
    }
    // `set` only reads a ref and a state setter.
  }, []);

  const reset = useCallback(() => {
    setState({ status: 'idle' });
  }, []);
  return { state, save, reset };
};
