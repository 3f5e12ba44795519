/**
 * Manual Jest mock: `t` returns the key (our keys are the English text) with `{{name}}`
 * placeholders filled in, so tests assert on the English UI text. With a `count`, the English
 * catalog's plural form (`<key>_one`, `<key>_other`) is used, as i18next does.
 */
import type { ReactNode } from 'react';
import english from '../locales/en/plugin__kmm-day1-console-plugin.json';

const catalog: Record<string, string | undefined> = english;
const pluralRules = new Intl.PluralRules('en');

const pluralForm = (key: string, options?: Record<string, unknown>): string =>
  typeof options?.count === 'number'
    ? (catalog[`${key}_${pluralRules.select(options.count)}`] ?? key)
    : key;

const t = (key: string, options?: Record<string, unknown>): string =>
  pluralForm(key, options).replace(/{{\s*(\w+)\s*}}/g, (placeholder, name: string) =>
    options && name in options ? String(options[name]) : placeholder,
  );

// One stable object, like the real hook, so `t` is safe in dependency arrays.
const translation = {
  t,
  i18n: { language: 'en', changeLanguage: () => Promise.resolve(t) },
  ready: true,
};

export const useTranslation = () => translation;

export const Trans = ({ children }: { children?: ReactNode }) => children;

export const initReactI18next = { type: '3rdParty', init: () => undefined };
