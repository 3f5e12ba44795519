import type { ShellRequest } from './types';

export const USER_COOKIE = 'kmm-day1-user';
const DEFAULT_USER = 'admin';

/** Token characters the simulator could ever accept; anything else is dropped. */
const TOKEN = /^[A-Za-z0-9._:-]+$/;

/**
 * The bearer token for a request, from the `kmm-day1-user` cookie the user switcher sets:
 * `admin` without the cookie, none at all (an anonymous request, 401) with an empty or invalid one.
 */
export const bearerTokenFor = (req: ShellRequest): string | undefined => {
  const cookies = (req.headers.cookie ?? '').split(';').map((c) => c.trim());
  const entry = cookies.find((c) => c.startsWith(`${USER_COOKIE}=`));
  if (entry === undefined) {
    return DEFAULT_USER;
  }
  let value: string;
  try {
    value = decodeURIComponent(entry.slice(USER_COOKIE.length + 1));
  } catch {
    return undefined;
  }
  return TOKEN.test(value) ? value : undefined;
};
