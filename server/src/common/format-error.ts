import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './errors.js';
import { requestStore, translate } from './i18n.js';

const KNOWN = new Set<string>(Object.values(ErrorCode));
/** Apollo's and graphql-js's own codes for a request that cannot run as written. */
const CLIENT_MISTAKES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_HASH_MISMATCH']);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** The first failing field of a class-validator result, as a dotted path with its message. */
function firstViolation(errors: ValidationErrorLike[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints ? Object.values(e.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstViolation(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * What a client may see of an error: known codes pass with their message and extensions;
 * anything unexpected becomes INTERNAL_SERVER_ERROR with a request id, and is logged here.
 * No stack trace, SQL or file path leaves the server unless `development` is set.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const base = { locations: formatted.locations, path: formatted.path };
    const original = unwrapResolverError(error);
    const cause = (original as { originalError?: unknown })?.originalError;
    const appError = original instanceof AppError ? original : cause instanceof AppError ? cause : null;
    if (appError) {
      const { http: _http, ...extensions } = appError.extensions as Record<string, unknown>;
      return { ...base, message: appError.message, extensions };
    }

    const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions?.validationErrors;
    if (validationErrors) {
      const violation = firstViolation(validationErrors);
      if (violation) return { ...base, message: violation.message, extensions: { code: ErrorCode.BAD_USER_INPUT, field: violation.field } };
    }

    const code = String(formatted.extensions?.code ?? '');
    if (/provided sha does not match query/i.test(formatted.message)) {
      return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (CLIENT_MISTAKES.has(code) || code === 'BAD_USER_INPUT') {
      return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...base, message: formatted.message, extensions: { code } };
    }

    const requestId = requestStore.getStore()?.requestId ?? 'unknown';
    console.error(`[error] request ${requestId}:`, original);
    return {
      ...base,
      message: translate('internal', { requestId }),
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        requestId,
        ...(development ? { detail: String((original as Error)?.stack ?? original) } : {}),
      },
    };
  };
}
