import { ToggleGroup, ToggleGroupItem } from '@patternfly/react-core';
import MoonIcon from '@patternfly/react-icons/dist/js/icons/moon-icon';
import SunIcon from '@patternfly/react-icons/dist/js/icons/sun-icon';
import { useSmallStore } from '../sdk/utils/small-store';
import { themeStore } from './theme';

/** Light/dark switch for the masthead (PatternFly's `pf-v6-theme-dark` class on `<html>`). */
export const ThemeToggle = () => {
  const theme = useSmallStore(themeStore);
  return (
    <ToggleGroup aria-label="Theme" data-test="theme-toggle" data-theme={theme}>
      <ToggleGroupItem
        icon={<SunIcon />}
        aria-label="Light theme"
        buttonId="theme-light"
        data-test="theme-light"
        isSelected={theme === 'light'}
        onChange={() => {
          themeStore.set('light');
        }}
      />
      <ToggleGroupItem
        icon={<MoonIcon />}
        aria-label="Dark theme"
        buttonId="theme-dark"
        data-test="theme-dark"
        isSelected={theme === 'dark'}
        onChange={() => {
          themeStore.set('dark');
        }}
      />
    </ToggleGroup>
  );
};
