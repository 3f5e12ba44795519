/**
 * Runs the render step (render.ts) against the store: creates rendered MachineConfigs, points each
 * pool's spec.configuration at its rendered config, and sets RenderDegraded with MCO's message.
 */
import { isDeepStrictEqual } from 'node:util';
import type { TimerId } from '../core/clock';
import type { MachineConfigObject, PoolObject } from '../core/kube-types';
import { MACHINE_CONFIGS, MACHINE_CONFIG_POOLS } from '../core/resources';
import { day1ConfigsInRendered, day1ConfigsOf } from '../node/day1-config';
import type { Day1UnitConfig } from '../node/day1-config';
import type { SimContext } from '../sim-context';
import { nowStamp } from '../sim-context';
import { setPoolCondition } from './pool-status';
import { configurationFor, renderPool, renderedMachineConfig } from './render';
import { INSTALLED_RELEASE } from './render';
import type { ReleaseImages, RenderedConfig } from './render';

export class RenderController {
  private timer?: TimerId;
  /** Day 1 configs of each rendered config this controller produced, read from its sources. */
  private readonly day1ByRendered = new Map<string, Day1UnitConfig[]>();

  constructor(
    private readonly context: SimContext,
    /** The release MCO renders a pool for (its OS image): the cluster version operator decides. */
    private readonly releaseFor: (pool: string) => ReleaseImages = () => INSTALLED_RELEASE,
  ) {}

  /** Renders every pool soon; repeated calls before then make one render (MCO's render delay). */
  schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.context.timers.after(this.context.timings.render, () => {
      this.timer = undefined;
      this.renderAll();
    });
  }

  stop(): void {
    this.context.timers.cancel(this.timer);
    this.timer = undefined;
  }

  /** Remembers which Day 1 configs a rendered config holds (also used for scenario-built configs). */
  remember(rendered: RenderedConfig): void {
    this.day1ByRendered.set(rendered.name, day1ConfigsOf(rendered.sources));
  }

  day1ConfigsFor(renderedName: string): Day1UnitConfig[] {
    const known = this.day1ByRendered.get(renderedName);
    if (known !== undefined) return known;
    const mc = this.context.store.get(MACHINE_CONFIGS, undefined, renderedName);
    return mc === undefined ? [] : day1ConfigsInRendered(mc as MachineConfigObject);
  }

  renderAll(): void {
    for (const pool of this.context.wellFormed.pools(
      this.context.store.list(MACHINE_CONFIG_POOLS),
    )) {
      this.renderOne(pool);
    }
  }

  private renderOne(pool: PoolObject): void {
    const { store } = this.context;
    const name = pool.metadata.name;
    const currentName = pool.spec.configuration?.name;
    const current =
      currentName === undefined || currentName === ''
        ? undefined
        : (store.get(MACHINE_CONFIGS, undefined, currentName) as MachineConfigObject | undefined);
    const sources = this.context.wellFormed.machineConfigs(store.list(MACHINE_CONFIGS));
    const outcome = renderPool(pool, sources, current, this.releaseFor(name));
    if (outcome.kind === 'skip') {
      this.context.log(`render controller: pool ${name}: ${outcome.reason}`);
      return;
    }
    if (outcome.kind === 'error') {
      this.setRenderDegraded(
        name,
        true,
        `Failed to render configuration for pool ${name}: ${outcome.message}`,
      );
      return;
    }
    const { rendered } = outcome;
    this.remember(rendered);
    if (store.get(MACHINE_CONFIGS, undefined, rendered.name) === undefined) {
      store.create(MACHINE_CONFIGS, renderedMachineConfig(pool, rendered));
      this.context.log(
        `render controller: ${rendered.name} successfully generated for pool ${name}`,
      );
    }
    const configuration = configurationFor(rendered);
    if (!isDeepStrictEqual(pool.spec.configuration, configuration)) {
      store.mutate<PoolObject>(MACHINE_CONFIG_POOLS, undefined, name, (draft) => {
        draft.spec.configuration = configuration;
      });
    }
    this.setRenderDegraded(name, false, '');
  }

  private setRenderDegraded(poolName: string, degraded: boolean, message: string): void {
    const now = nowStamp(this.context);
    this.context.store.mutate<PoolObject>(MACHINE_CONFIG_POOLS, undefined, poolName, (draft) => {
      const status = (draft.status ??= {});
      setPoolCondition(status, 'RenderDegraded', degraded ? 'True' : 'False', '', message, now);
    });
  }
}
