import { kernelImageTag, kernelModuleImageReference } from './kernel-image-tag';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

describe('kernelImageTag', () => {
  it('leaves a kernel version that is a valid tag as it is', () => {
    expect(kernelImageTag('5.14.0-427.13.1.el9_4.x86_64')).toBe('5.14.0-427.13.1.el9_4.x86_64');
  });

  it('maps the "+" of 64k, debug and realtime kernels to "_"', () => {
    expect(kernelImageTag('5.14.0-427.13.1.el9_4.aarch64+64k')).toBe(
      '5.14.0-427.13.1.el9_4.aarch64_64k',
    );
    expect(kernelImageTag('5.14.0-427.13.1.el9_4.x86_64+debug')).toBe(
      '5.14.0-427.13.1.el9_4.x86_64_debug',
    );
  });

  it('gives a valid tag for any kernel version uname can print', () => {
    for (const version of ['-rc1', '.hidden', '6.1.0~rc3+', '5.14 0', 'ümlaut']) {
      expect(kernelImageTag(version)).toMatch(TAG);
    }
  });

  it('builds the reference a node pulls', () => {
    expect(kernelModuleImageReference('quay.io/acme/sfc-kmod', '5.14.0-1.el9.aarch64+64k')).toBe(
      'quay.io/acme/sfc-kmod:5.14.0-1.el9.aarch64_64k',
    );
  });
});
