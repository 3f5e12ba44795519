import { useEffect } from 'react';
import type { Day1ConfigSummary } from '../../producer';
import type { ConfigCoverage } from '../../rollout';
import { useKernelCoverage } from '../shared/useKernelCoverage';

interface KernelCoverageLoaderProps {
  summaries: readonly Day1ConfigSummary[];
  /** Stable (a state setter): called with each new coverage. */
  onCoverage: (coverage: ReadonlyMap<string, ConfigCoverage> | undefined) => void;
}

/**
 * Runs the kernel coverage checks for the list and hands their result up. Rendered lazily, so that the
 * coverage derivation and the tag checks load after the list's first render (the Images column says
 * "Loading…" until then); it renders nothing.
 */
const KernelCoverageLoader = ({ summaries, onCoverage }: KernelCoverageLoaderProps) => {
  const { coverage } = useKernelCoverage(summaries);
  useEffect(() => {
    onCoverage(coverage);
  }, [coverage, onCoverage]);
  return null;
};

export default KernelCoverageLoader;
