/** The signed-in user, kept per browser tab set (localStorage) so a reload stays signed in. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string | null;
  role: 'ADMIN' | 'REGIONAL' | 'COUNTY' | 'ANALYST';
  regionId: string | null;
  countyId: string | null;
}

const KEY = 'luoshi.session';

export const getSession = (): { token: string; user: SessionUser; expiresAt: string } | null => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
};
export const getToken = () => getSession()?.token ?? null;
export const getUser = () => getSession()?.user ?? null;
export const setSession = (session: { token: string; user: SessionUser; expiresAt: string }) => localStorage.setItem(KEY, JSON.stringify(session));
export const clearSession = () => localStorage.removeItem(KEY);
