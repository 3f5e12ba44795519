import { compareKernelVersions } from './kernel-version';

const sorted = (versions: string[]) => [...versions].sort(compareKernelVersions);

describe('compareKernelVersions', () => {
  it('orders release numbers by value, not as text', () => {
    expect(
      sorted(['5.14.0-1000.el9.x86_64', '5.14.0-284.el9.x86_64', '5.14.0-70.el9.x86_64']),
    ).toEqual(['5.14.0-70.el9.x86_64', '5.14.0-284.el9.x86_64', '5.14.0-1000.el9.x86_64']);
  });

  it('orders real RHCOS kernels by every numeric part', () => {
    expect(
      sorted([
        '5.14.0-570.35.1.el9_6.x86_64',
        '5.14.0-427.42.1.el9_4.x86_64',
        '5.14.0-427.28.1.el9_4.x86_64',
        '5.14.0-427.9.1.el9_4.x86_64',
        '6.1.0-1.el10.x86_64',
        '5.9.0-1.el9.x86_64',
      ]),
    ).toEqual([
      '5.9.0-1.el9.x86_64',
      '5.14.0-427.9.1.el9_4.x86_64',
      '5.14.0-427.28.1.el9_4.x86_64',
      '5.14.0-427.42.1.el9_4.x86_64',
      '5.14.0-570.35.1.el9_6.x86_64',
      '6.1.0-1.el10.x86_64',
    ]);
  });

  it('compares text runs as text, and el9_10 after el9_4', () => {
    expect(sorted(['5.14.0-1.el9_10', '5.14.0-1.el9_4', '5.14.0-1.el8_4'])).toEqual([
      '5.14.0-1.el8_4',
      '5.14.0-1.el9_4',
      '5.14.0-1.el9_10',
    ]);
    expect(compareKernelVersions('5.14.0-a', '5.14.0-b')).toBeLessThan(0);
  });

  it('puts a version before the longer versions it starts, and a number before text', () => {
    expect(sorted(['5.14.0-1.el9', '5.14.0', '5.14.0-1'])).toEqual([
      '5.14.0',
      '5.14.0-1',
      '5.14.0-1.el9',
    ]);
    expect(compareKernelVersions('5.14', '5.x')).toBeLessThan(0);
  });

  it('handles numbers longer than a double holds, and is total for equal values written apart', () => {
    expect(compareKernelVersions('1.99999999999999999999', '1.100000000000000000000')).toBeLessThan(
      0,
    );
    expect(compareKernelVersions('5.014', '5.14')).not.toBe(0);
    expect(Math.sign(compareKernelVersions('5.014', '5.14'))).toBe(
      -Math.sign(compareKernelVersions('5.14', '5.014')),
    );
    expect(compareKernelVersions('5.14.0-284', '5.14.0-284')).toBe(0);
  });
});
