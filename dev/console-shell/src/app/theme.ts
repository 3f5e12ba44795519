import { createSmallStore } from '../sdk/utils/small-store';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'kmm-day1-shell.theme';
/** PatternFly 6 switches to its dark theme with this class on `<html>`, as console does. */
const DARK_THEME_CLASS = 'pf-v6-theme-dark';

const storedTheme = (): Theme | undefined => {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return value === 'dark' || value === 'light' ? value : undefined;
};

export const themeStore = createSmallStore<Theme>('light');

const apply = (theme: Theme) => {
  document.documentElement.classList.toggle(DARK_THEME_CLASS, theme === 'dark');
};

/** Applies the theme from `?theme=`, else the last choice, else light; and follows later changes. */
export const initTheme = (fromQuery: string | null): void => {
  const initial: Theme =
    fromQuery === 'dark' || fromQuery === 'light' ? fromQuery : (storedTheme() ?? 'light');
  themeStore.set(initial);
  apply(initial);
  themeStore.subscribe(() => {
    const theme = themeStore.get();
    window.localStorage.setItem(STORAGE_KEY, theme);
    apply(theme);
  });
};
