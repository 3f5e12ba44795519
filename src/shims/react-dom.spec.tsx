import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, within } from '@testing-library/react';
import * as ReactDOM from 'react-dom';
import { createPortal } from './react-dom';

const ROOT = join(__dirname, '..', '..');
/** The PatternFly packages the plugin bundles (package.json). */
const PATTERNFLY = ['react-core', 'react-icons', 'react-table'];

const filesUnder = (dir: string, wanted: (name: string) => boolean): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, wanted);
    return wanted(entry.name) ? [path] : [];
  });

const usesIn = (files: string[]): string[] => {
  const used = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (source.includes('react-dom')) for (const use of reactDomUses(source)) used.add(use);
  }
  return [...used];
};

/** Every react-dom export a module uses, by any import form; a subpath import counts as itself. */
const reactDomUses = (source: string): string[] => {
  const uses: string[] = [];
  const importRe = /import\s+([^'";]+?)\s+from\s+['"](react-dom[^'"]*)['"]/g;
  for (const [, clause, specifier] of source.matchAll(importRe)) {
    if (specifier !== 'react-dom') {
      uses.push(specifier);
      continue;
    }
    const named = /\{([^}]*)\}/.exec(clause);
    if (named)
      uses.push(
        ...named[1]
          .split(',')
          .map((name) => name.trim().split(/\s+as\s+/)[0])
          .filter(Boolean),
      );
    const binding = /^(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)/.exec(clause.trim());
    if (binding && !clause.trim().startsWith('{')) {
      for (const [, member] of source.matchAll(new RegExp(`\\b${binding[1]}\\.(\\w+)`, 'g')))
        uses.push(member);
    }
  }
  return uses;
};

describe('the react-dom shim the plugin build uses', () => {
  it('makes the same portal element as react-dom', () => {
    const container = document.createElement('div');
    const children = <span>portal content</span>;
    expect(createPortal(children, container)).toEqual(ReactDOM.createPortal(children, container));
    expect(createPortal(children, container, 'k')).toEqual(
      ReactDOM.createPortal(children, container, 'k'),
    );
  });

  it('refuses a target that is not a DOM element, as react-dom does', () => {
    const notAContainer = {} as Element;
    expect(() => ReactDOM.createPortal('x', notAContainer)).toThrow(
      'Target container is not a DOM element.',
    );
    expect(() => createPortal('x', notAContainer)).toThrow(
      'Target container is not a DOM element.',
    );
  });

  it('is rendered by the host react-dom into its container, and removed on unmount', () => {
    const target = document.createElement('div');
    document.body.appendChild(target);
    const InPortal = () => <div>{createPortal(<p>outside the parent</p>, target)}</div>;
    const { container, unmount } = render(<InPortal />);

    expect(within(target).getByText('outside the parent')).toBeInTheDocument();
    expect(container).not.toHaveTextContent('outside the parent');
    unmount();
    expect(target).toBeEmptyDOMElement();
    target.remove();
  });

  it('covers everything the bundled PatternFly packages take from react-dom', () => {
    const files = PATTERNFLY.flatMap((pkg) =>
      filesUnder(join(ROOT, 'node_modules', '@patternfly', pkg, 'dist', 'esm'), (name) =>
        name.endsWith('.js'),
      ),
    );
    expect(usesIn(files)).toEqual(['createPortal']);
  });

  it("covers everything the plugin's own code takes from react-dom", () => {
    const files = filesUnder(
      join(ROOT, 'src'),
      (name) => /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name),
    );
    expect(usesIn(files).filter((use) => use !== 'createPortal')).toEqual([]);
  });
});
