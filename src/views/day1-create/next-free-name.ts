/**
 * Another name for a MachineConfig whose name is taken: "99-sfc-day1" becomes "99-sfc-day1-2", and
 * "99-sfc-day1-2" becomes "99-sfc-day1-3".
 */
export const nextFreeName = (name: string): string => {
  const numbered = /^(.*)-(\d+)$/.exec(name);
  return numbered ? `${numbered[1]}-${String(Number(numbered[2]) + 1)}` : `${name}-2`;
};

/** The first name after `name`, counting as nextFreeName does, that is not in `taken`. */
export const firstFreeName = (name: string, taken: ReadonlySet<string>): string => {
  let candidate = nextFreeName(name);
  while (taken.has(candidate)) candidate = nextFreeName(candidate);
  return candidate;
};
