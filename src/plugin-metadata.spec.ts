/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'comment-json';

const root = path.resolve(__dirname, '..');

interface PackageJson {
  name: string;
  consolePlugin: { name: string; exposedModules: Record<string, string> };
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
const extensionsText = fs.readFileSync(path.join(root, 'console-extensions.json'), 'utf8');
const codeRefModules = new Set(
  [
    ...JSON.stringify(parse(extensionsText, undefined, true)).matchAll(/"\$codeRef":"([^".]+)/g),
  ].map(([, moduleName]) => moduleName),
);

describe('plugin metadata', () => {
  it('names the plugin after the package (console uses it for the i18n namespace and URLs)', () => {
    expect(pkg.consolePlugin.name).toBe(pkg.name);
  });

  it.each(Object.entries(pkg.consolePlugin.exposedModules))(
    'exposed module %s is referenced by a $codeRef and exists',
    (moduleName, modulePath) => {
      expect(codeRefModules).toContain(moduleName);
      const resolved = path.join(root, 'src', modulePath);
      expect(['.ts', '.tsx'].some((ext) => fs.existsSync(resolved + ext))).toBe(true);
    },
  );

  it('ships an English catalog for the plugin namespace', () => {
    const locale = path.join(root, 'locales/en', `plugin__${pkg.consolePlugin.name}.json`);
    expect(fs.existsSync(locale)).toBe(true);
  });
});
