import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchesLabelSelector } from './label-selector';

const ROLE = 'machineconfiguration.openshift.io/role';
const sfcPool = {
  matchExpressions: [{ key: ROLE, operator: 'In' as const, values: ['worker', 'sfc'] }],
};

describe('matchesLabelSelector', () => {
  it("selects a custom pool's own configs and the worker configs it inherits", () => {
    expect(matchesLabelSelector({ [ROLE]: 'sfc' }, sfcPool)).toBe(true);
    expect(matchesLabelSelector({ [ROLE]: 'worker' }, sfcPool)).toBe(true);
    expect(matchesLabelSelector({ [ROLE]: 'master' }, sfcPool)).toBe(false);
    expect(matchesLabelSelector(undefined, sfcPool)).toBe(false);
  });

  it('ANDs matchLabels and every expression operator', () => {
    const selector = {
      matchLabels: { a: '1' },
      matchExpressions: [
        { key: 'b', operator: 'NotIn' as const, values: ['x'] },
        { key: 'c', operator: 'Exists' as const },
        { key: 'd', operator: 'DoesNotExist' as const },
      ],
    };
    expect(matchesLabelSelector({ a: '1', c: '' }, selector)).toBe(true);
    expect(matchesLabelSelector({ a: '1', b: 'y', c: '' }, selector)).toBe(true);
    expect(matchesLabelSelector({ a: '2', c: '' }, selector)).toBe(false);
    expect(matchesLabelSelector({ a: '1', b: 'x', c: '' }, selector)).toBe(false);
    expect(matchesLabelSelector({ a: '1' }, selector)).toBe(false);
    expect(matchesLabelSelector({ a: '1', c: '', d: '' }, selector)).toBe(false);
  });

  it('selects everything with an empty selector and nothing without one', () => {
    expect(matchesLabelSelector({ any: 'thing' }, {})).toBe(true);
    expect(matchesLabelSelector({ any: 'thing' }, undefined)).toBe(false);
  });
});

describe('one label-selector evaluator in the plugin', () => {
  it('is this one: no other file under src/ evaluates selector operators', () => {
    const src = join(__dirname, '..');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
      (file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file),
    );
    const evaluators = files.filter((file) =>
      /case\s+['"](NotIn|DoesNotExist)['"]|operator\s*===\s*['"](NotIn|DoesNotExist)['"]/.test(
        readFileSync(join(src, file), 'utf8'),
      ),
    );
    expect(evaluators).toEqual([join('k8s', 'label-selector.ts')]);
  });
});
