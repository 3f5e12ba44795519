import { formatFieldError } from './english';
import { parseImageReference } from './image-reference';
import type { Day1Options, FieldError } from './options';
import { validateDay1Options } from './validate';

const valid: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
};
const errorsFor = (changes: Partial<Record<keyof Day1Options, unknown>>): FieldError[] =>
  validateDay1Options({ ...valid, ...changes } as Day1Options);
/** The errors as the CLI prints them: field and English text. */
const worded = (errors: FieldError[]) =>
  errors.map((error) => ({ field: error.field, message: formatFieldError(error) }));
const messageFor = (changes: Partial<Record<keyof Day1Options, unknown>>): string => {
  const errors = errorsFor(changes);
  expect(errors).toHaveLength(1);
  return formatFieldError(errors[0]);
};

describe('validateDay1Options', () => {
  it('accepts the seed example and every optional option', () => {
    expect(validateDay1Options(valid)).toEqual([]);
    expect(
      errorsFor({
        inTreeModulesToRemove: ['sfc', 'mdio'],
        workerImage: 'registry.example.com:5000/kmm/worker:v2.5',
        firmwareFilesPath: '/lib/firmware/sfc',
      }),
    ).toEqual([]);
  });

  it('treats empty optional options as not given', () => {
    expect(
      errorsFor({ workerImage: '', firmwareFilesPath: '', inTreeModulesToRemove: [] }),
    ).toEqual([]);
  });

  it('lists every missing required option, in field order', () => {
    expect(
      worded(
        validateDay1Options({
          machineConfigName: '',
          machineConfigPoolRef: '',
          kernelModuleImage: '',
          kernelModuleName: '',
        }),
      ),
    ).toEqual([
      { field: 'machineConfigName', message: 'The MachineConfig name is required' },
      { field: 'machineConfigPoolRef', message: 'The MachineConfigPool name is required' },
      { field: 'kernelModuleImage', message: 'The kernel module image is required' },
      { field: 'kernelModuleName', message: 'The kernel module name is required' },
    ]);
  });

  it('rejects values of the wrong type without throwing', () => {
    expect(worded(errorsFor({ machineConfigName: 42, inTreeModulesToRemove: 'sfc' }))).toEqual([
      { field: 'machineConfigName', message: 'The MachineConfig name must be a string' },
      { field: 'inTreeModulesToRemove', message: 'must be a list of module names' },
    ]);
  });

  describe('MachineConfig name', () => {
    it.each(['Sfc', 'sfc_day1', '-sfc', 'sfc-', 'sfc..day1', 'sfc day1', 'sfc%n'])(
      'rejects %j',
      (name) => {
        expect(messageFor({ machineConfigName: name })).toBe(
          `"${name}" is not a valid name: use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit (for example "99-sfc-day1")`,
        );
      },
    );

    it('allows 222 characters, so that every unit name fits in 255', () => {
      expect(errorsFor({ machineConfigName: 'a'.repeat(222) })).toEqual([]);
      expect(messageFor({ machineConfigName: 'a'.repeat(223) })).toBe(
        'is 223 characters long; at most 222 are allowed, because it prefixes systemd unit names such as "<name>-pull-kernel-module-image.service" (255 characters at most)',
      );
    });

    it("rejects MCO's rendered- prefix", () => {
      expect(messageFor({ machineConfigName: 'rendered-sfc' })).toContain(
        'must not start with "rendered-"',
      );
    });
  });

  describe('pool', () => {
    it.each(['SFC', 'sfc.pool', 'a'.repeat(64), 'sfc_pool'])('rejects %j', (pool) => {
      expect(messageFor({ machineConfigPoolRef: pool })).toContain(
        `"${pool}" is not a valid pool name`,
      );
    });

    it('accepts the built-in pools', () => {
      expect(errorsFor({ machineConfigPoolRef: 'worker' })).toEqual([]);
      expect(errorsFor({ machineConfigPoolRef: 'master' })).toEqual([]);
    });
  });

  describe('kernel module image', () => {
    it('returns a code with the parameters a translation needs', () => {
      expect(errorsFor({ kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0' })).toEqual([
        {
          field: 'kernelModuleImage',
          code: 'imageHasTag',
          params: {
            image: 'quay.io/acme/sfc-kmod:5.14.0',
            tag: '5.14.0',
            repository: 'quay.io/acme/sfc-kmod',
          },
        },
      ]);
      expect(errorsFor({ kernelModuleImage: 'sfc-kmod' })).toEqual([
        {
          field: 'kernelModuleImage',
          code: 'imageInvalid',
          params: { image: 'sfc-kmod', problem: { code: 'imageNoRegistryHost', params: {} } },
        },
      ]);
    });

    it('explains that the node appends its kernel version when a tag is given', () => {
      expect(messageFor({ kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0' })).toBe(
        '"quay.io/acme/sfc-kmod:5.14.0" has a tag (":5.14.0"); give the image without a tag or digest, such as "quay.io/acme/sfc-kmod": each node appends its own kernel version (":$(uname -r)", for example ":5.14.0-284.59.1.el9_2.x86_64")',
      );
    });

    it('rejects a digest for the same reason', () => {
      expect(
        messageFor({ kernelModuleImage: `quay.io/acme/sfc-kmod@sha256:${'0'.repeat(64)}` }),
      ).toContain('has a digest ("@sha256:');
    });

    it('accepts a registry with a port, which is not a tag', () => {
      expect(errorsFor({ kernelModuleImage: 'registry.example.com:5000/acme/sfc-kmod' })).toEqual(
        [],
      );
      expect(errorsFor({ kernelModuleImage: 'localhost/sfc-kmod' })).toEqual([]);
    });

    it.each([
      ['sfc-kmod', 'has no registry host'],
      ['acme/sfc-kmod', 'has no registry host'],
      ['quay.io/Acme/sfc', 'has an invalid repository path component "Acme"'],
      ['quay.io/acme//sfc', 'has an invalid repository path component ""'],
      ['quay.io/acme/sfc-', 'has an invalid repository path component "sfc-"'],
      ['quay.io/acme/sfc kmod', 'must not contain spaces'],
      ['quay.io/acme/sfc;reboot', 'has an invalid repository path component "sfc;reboot"'],
      ['-quay.io/acme/sfc', 'has an invalid registry host "-quay.io"'],
      ['quay.io/acme/sfc@sha256:abc', 'has an invalid digest'],
      [`quay.io/${'a'.repeat(250)}`, 'is 258 characters long without its tag'],
    ])('rejects %j', (image, expected) => {
      expect(messageFor({ kernelModuleImage: image })).toContain(expected);
    });
  });

  describe('kernel module names', () => {
    it.each(['sfc.ko', 'sfc mod', 'sfc;', '$(reboot)', 'ß'])('rejects module %j', (name) => {
      expect(messageFor({ kernelModuleName: name })).toBe(
        `"${name}" is not a valid kernel module name: use letters, digits, "_" and "-" only (modprobe treats "-" and "_" alike), without the .ko suffix`,
      );
    });

    it('rejects a leading "-", which modprobe would read as an option', () => {
      expect(messageFor({ kernelModuleName: '-r' })).toBe(
        '"-r" must start with a letter, digit or "_": modprobe would read a leading "-" as an option',
      );
    });

    it('limits names to the kernel maximum of 55 characters', () => {
      expect(errorsFor({ kernelModuleName: 'm'.repeat(55) })).toEqual([]);
      expect(messageFor({ kernelModuleName: 'm'.repeat(56) })).toContain(
        'kernel module names have at most 55',
      );
    });

    it('names the bad entry of the in-tree list, by its position as a parameter too, and treats "-" and "_" as the same module', () => {
      expect(
        worded(errorsFor({ inTreeModulesToRemove: ['sfc', '', 'nvme-core', 'nvme_core', 'a.b'] })),
      ).toEqual([
        {
          field: 'inTreeModulesToRemove',
          message: 'entry 2 is empty; give a module name or remove the entry',
        },
        {
          field: 'inTreeModulesToRemove',
          message:
            'entry 4: "nvme_core" repeats "nvme-core" (modprobe treats "-" and "_" alike); list each module once',
        },
        {
          field: 'inTreeModulesToRemove',
          message:
            'entry 5: "a.b" is not a valid kernel module name: use letters, digits, "_" and "-" only (modprobe treats "-" and "_" alike), without the .ko suffix',
        },
      ]);
      expect(
        errorsFor({ inTreeModulesToRemove: ['sfc', '', 'nvme-core', 'nvme_core', 'a.b'] }).map(
          (error) => ('entry' in error.params ? error.params.entry : undefined),
        ),
      ).toEqual([2, 4, 5]);
    });

    it('allows replacing an in-tree module of the same name', () => {
      expect(errorsFor({ kernelModuleName: 'ice', inTreeModulesToRemove: ['ice'] })).toEqual([]);
    });
  });

  describe('worker image', () => {
    it('accepts tags and digests', () => {
      expect(errorsFor({ workerImage: 'quay.io/kmm/worker:v2.5.0' })).toEqual([]);
      expect(errorsFor({ workerImage: `quay.io/kmm/worker@sha256:${'f'.repeat(64)}` })).toEqual([]);
    });

    it('requires a registry host', () => {
      expect(messageFor({ workerImage: 'worker:latest' })).toContain('has no registry host');
    });
  });

  describe('firmware path', () => {
    it.each([
      ['firmware', 'must be an absolute path inside the kernel module image'],
      ['/', 'must be a normalised directory path'],
      ['/firmware/', 'must be a normalised directory path'],
      ['/firmware//sfc', 'must be a normalised directory path'],
      ['/firmware/../etc', 'must be a normalised directory path'],
      ['/firmware/./sfc', 'must be a normalised directory path'],
      ['/firmware\nsfc', 'must not contain control characters'],
      [`/${'f'.repeat(4096)}`, 'is 4097 characters long; at most 4096 are allowed'],
    ])('rejects %j', (path, expected) => {
      expect(messageFor({ firmwareFilesPath: path })).toContain(expected);
    });

    it('accepts spaces, quotes and other characters, which are escaped rather than refused', () => {
      expect(errorsFor({ firmwareFilesPath: '/firmware/it\'s "50%" $HOME' })).toEqual([]);
    });
  });
});

describe('parseImageReference', () => {
  it('splits domain, path, tag and digest', () => {
    expect(parseImageReference('registry.example.com:5000/a/b:v1')).toEqual({
      reference: { domain: 'registry.example.com:5000', path: 'a/b', tag: 'v1', digest: undefined },
    });
    expect(parseImageReference(`[::1]:5000/a@sha256:${'e'.repeat(64)}`)).toEqual({
      reference: {
        domain: '[::1]:5000',
        path: 'a',
        tag: undefined,
        digest: `sha256:${'e'.repeat(64)}`,
      },
    });
  });
});
