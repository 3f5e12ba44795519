/** @jest-environment node */
import { validateExtensions, validateExtensionsFile } from './validate-extensions.mjs';

const exposedModules = { Day1ConfigsPage: './views/day1-configs/Day1ConfigsPage' };

const route = (properties: Record<string, unknown>) => ({
  type: 'console.page/route',
  properties: {
    path: '/day1-kernel-modules',
    exact: true,
    component: { $codeRef: 'Day1ConfigsPage' },
    ...properties,
  },
});

const navItem = {
  type: 'console.navigation/href',
  properties: {
    id: 'day1-kernel-modules',
    name: '%plugin__kmm-day1-console-plugin~Day 1 kernel modules%',
    href: '/day1-kernel-modules',
    perspective: 'admin',
    section: 'compute',
    insertAfter: 'machineconfigpools',
  },
  flags: { required: ['MACHINE_CONFIG'] },
};

describe('validateExtensions', () => {
  it('accepts the committed console-extensions.json', () => {
    expect(validateExtensionsFile()).toEqual([]);
  });

  it('accepts valid fixtures', () => {
    expect(validateExtensions([route({}), navItem], exposedModules)).toEqual([]);
  });

  it.each([
    ['a wrong value type', route({ exact: 'yes' }), '/properties/exact: must be boolean'],
    [
      'a path that is neither string nor array',
      route({ path: 123 }),
      '/properties/path: must match',
    ],
    [
      'a misspelt property',
      { type: 'console.page/route', properties: { path: '/x', componnt: { $codeRef: 'X' } } },
      'must NOT have additional properties (componnt)',
    ],
    [
      'a missing required property',
      {
        ...navItem,
        properties: Object.fromEntries(
          Object.entries(navItem.properties).filter(([key]) => key !== 'href'),
        ),
      },
      "must have required property 'href'",
    ],
    [
      'an unknown type',
      { type: 'console.page/nope', properties: {} },
      '/type: unknown extension type',
    ],
    ['a misspelt top-level key', { ...navItem, flag: {} }, '/flag: unknown top-level key'],
    [
      'a $codeRef to a module that is not exposed',
      route({ component: { $codeRef: 'Missing.Named' } }),
      "module 'Missing' is not in consolePlugin.exposedModules",
    ],
  ])('rejects %s', (_name, extension, message) => {
    const errors = validateExtensions([navItem, extension], exposedModules);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    // Messages name the failing extension's index and type.
    expect(errors.every((e) => e.startsWith(`extension[1] (${extension.type})`))).toBe(true);
  });

  it('rejects a file that is not an array', () => {
    expect(validateExtensions({}, exposedModules)).toEqual([
      'console-extensions.json must be an array',
    ]);
  });
});
