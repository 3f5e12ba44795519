/** @jest-environment node */
import { translateValue } from './translate';

const t = (key: string) => `<${key}>`;

it('translates %ns~key% strings anywhere in extension properties, and nothing else', () => {
  const codeRef = () => Promise.resolve('x');
  const properties = {
    id: 'day1-kernel-modules',
    name: '%plugin__kmm-day1-console-plugin~Day 1 kernel modules%',
    page: { name: '%plugin__kmm-day1-console-plugin~Day 1 kernel modules%', href: 'day1' },
    list: ['%a~b%', 'plain', '%'],
    component: codeRef,
    exact: true,
  };
  expect(translateValue(properties, t)).toEqual({
    id: 'day1-kernel-modules',
    name: '<plugin__kmm-day1-console-plugin~Day 1 kernel modules>',
    page: { name: '<plugin__kmm-day1-console-plugin~Day 1 kernel modules>', href: 'day1' },
    list: ['<a~b>', 'plain', '%'],
    component: codeRef,
    exact: true,
  });
});
