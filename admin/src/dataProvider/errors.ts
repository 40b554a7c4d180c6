/** GraphQL errors (extensions.code, field, currentVersion) → react-admin's HttpError. */
import { HttpError } from 'react-admin';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  TOO_MANY_REQUESTS: 429,
  QUERY_TOO_COMPLEX: 400,
};

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string; field?: string; currentVersion?: number; [k: string]: unknown };
}

export const graphQLErrorsOf = (error: any): GraphQLErrorLike[] =>
  error?.body?.graphQLErrors ?? error?.graphQLErrors ?? error?.body?.errors?.graphQLErrors ?? (Array.isArray(error?.errors) ? error.errors : []);

export function toHttpError(error: any): any {
  if (error instanceof HttpError && (error.body as any)?.code) return error;
  const errors = graphQLErrorsOf(error);
  const first = errors[0];
  if (!first) {
    // Network trouble: keep react-admin's generic message.
    return error instanceof HttpError ? error : new HttpError(error?.message ?? 'ra.notification.http_error', 0, {});
  }
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const body: Record<string, any> = { code, currentVersion: first.extensions?.currentVersion, field: first.extensions?.field };
  if (code === 'BAD_USER_INPUT') {
    const fieldErrors: Record<string, string> = {};
    for (const e of errors) {
      const field = e.extensions?.field?.replace(/^input\./, '');
      if (field) fieldErrors[field] = e.message;
    }
    if (Object.keys(fieldErrors).length) body.errors = { ...fieldErrors, root: { serverError: first.message } };
  }
  return new HttpError(first.message, STATUS[code] ?? 500, body);
}
