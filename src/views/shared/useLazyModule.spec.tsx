import { Component } from 'react';
import type { ReactNode } from 'react';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { useLazyModule } from './useLazyModule';

describe('useLazyModule', () => {
  it('loads only once wanted, and a page mounted later has the module at its first render', async () => {
    const module = { answer: 42 };
    const load = jest.fn(() => Promise.resolve(module));
    const { result, rerender } = renderHook(({ wanted }) => useLazyModule(load, wanted), {
      initialProps: { wanted: false },
    });
    expect(result.current).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    rerender({ wanted: true });
    await waitFor(() => {
      expect(result.current).toBe(module);
    });

    const { result: later } = renderHook(() => useLazyModule(load));
    expect(later.current).toBe(module);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('throws a failed load while rendering, for the error boundary', async () => {
    class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
      state: { error?: Error } = {};
      static getDerivedStateFromError(error: Error) {
        return { error };
      }
      render() {
        const { children } = this.props;
        return this.state.error ? <p>failed: {this.state.error.message}</p> : children;
      }
    }
    const failing = (): Promise<{ answer: number }> => Promise.reject(new Error('chunk failed'));
    const User = () => {
      const module = useLazyModule(failing);
      return <p>{module === undefined ? 'loading' : 'loaded'}</p>;
    };
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Boundary>
        <User />
      </Boundary>,
    );
    expect(screen.getByText('loading')).toBeVisible();
    expect(await screen.findByText('failed: chunk failed')).toBeVisible();
    quiet.mockRestore();
  });
});
