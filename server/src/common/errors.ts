import { GraphQLError } from 'graphql';
import { translate, type MessageKey } from './i18n.js';

/** The codes of docs/api.md; every error a client sees carries one of them. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database cannot be reached: retry later (HTTP 503 with Retry-After). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

type Params = Record<string, string | number>;

/**
 * A domain error: a code, a message key with its parameters (translated when the error is
 * created, in the language of the request) and extra extensions such as `field`.
 */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    params: Params = {},
    extra: Record<string, unknown> = {},
  ) {
    super(translate(messageKey, params), { extensions: { code, ...extra } });
  }
}

export const errors = {
  unauthenticated: (key: MessageKey = 'unauthenticated') => new AppError(ErrorCode.UNAUTHENTICATED, key),
  forbidden: (key: MessageKey, params: Params = {}) => new AppError(ErrorCode.FORBIDDEN, key, params),
  badInput: (field: string, key: MessageKey, params: Params = {}) =>
    new AppError(ErrorCode.BAD_USER_INPUT, key, { field, ...params }, { field }),
  /** Several fields wrong at once: `field` names the first, `fields` all of them. */
  badInputs: (fields: string[], key: MessageKey, params: Params = {}) =>
    new AppError(ErrorCode.BAD_USER_INPUT, key, { field: fields.join(', '), ...params }, { field: fields[0], fields }),
  notFound: (entity: string, id: string | number) =>
    new AppError(ErrorCode.NOT_FOUND, 'notFound', { entity, id: String(id) }),
  conflict: (entity: string, id: string | number, given: number, current: number) =>
    new AppError(ErrorCode.CONFLICT, 'conflict', { entity, id: String(id), given, current }, { currentVersion: current }),
  tooComplex: (key: MessageKey, params: Params) => new AppError(ErrorCode.QUERY_TOO_COMPLEX, key, params, { http: { status: 400 } }),
};
