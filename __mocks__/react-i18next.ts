/**
 * Manual Jest mock: `t` returns the key (our keys are the English text) with `{{name}}`
 * placeholders filled in, so tests assert on the English UI text.
 */
import type { ReactNode } from 'react';

const t = (key: string, options?: Record<string, unknown>): string =>
  key.replace(/{{\s*(\w+)\s*}}/g, (placeholder, name: string) =>
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
