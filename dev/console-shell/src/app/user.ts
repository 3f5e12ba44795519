/** The simulator's users, chosen with the `kmm-day1-user` cookie that the shell server reads. */
export const USERS = [
  { id: 'admin', label: 'admin (kube:admin)' },
  { id: 'read-only', label: 'read-only (get, list, watch)' },
] as const;

const USER_COOKIE = 'kmm-day1-user';

/** The current user: the cookie's value, `admin` without one (the server's default too). */
export const currentUser = (): string =>
  document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${USER_COOKIE}=`))
    ?.slice(USER_COOKIE.length + 1) ?? 'admin';

/** Sets the cookie and reloads, so that every request and cached access review is the new user's. */
export const switchUser = (user: string): void => {
  document.cookie = `${USER_COOKIE}=${encodeURIComponent(user)}; path=/; SameSite=Lax`;
  window.location.reload();
};
