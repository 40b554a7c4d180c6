/** Signs in through the `login` mutation; the token goes with every request until it fails. */
import type { AuthProvider } from 'react-admin';
import { clearSession, getSession, getUser, setSession } from './authStorage';
import { graphqlRequest, resetSchema } from './dataProvider';
import { can } from './permissions';

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt user { id username displayName role regionId countyId } }
}`;

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    clearSession();
    const { login } = await graphqlRequest(LOGIN, { username, password });
    setSession(login);
    resetSchema();
  },
  async logout() {
    // End the session on the server too (the token stops working), when it still answers.
    if (getSession()) await graphqlRequest('mutation { logout }').catch(() => undefined);
    clearSession();
    resetSchema();
  },
  async checkAuth() {
    const session = getSession();
    if (!session || new Date(session.expiresAt).getTime() < Date.now()) {
      clearSession();
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async checkError(error) {
    const code = error?.body?.code;
    if (error?.status === 401 || code === 'UNAUTHENTICATED') {
      clearSession();
      throw { message: 'luoshi.unauthenticated', logoutUser: true };
    }
    // FORBIDDEN and the rest: stay signed in, the screen shows the message.
  },
  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName || user.username };
  },
  async getPermissions() {
    return getUser()?.role ?? null;
  },
  async canAccess({ action, resource }) {
    return can(getUser(), action, resource);
  },
};
