import { unwrapResolverError } from '@apollo/server/errors';
import { maskLiterals } from '../db/sql-logger.js';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './errors.js';
import { localizeGraphqlMessage } from './graphql-messages.js';
import { requestStore, translate } from './i18n.js';

/** The error and its causes (TypeORM wraps the driver's error in `driverError`). */
function chain(error: unknown): { code?: string; errno?: number; name?: string; message?: string }[] {
  const out: { code?: string; errno?: number; name?: string; message?: string }[] = [];
  let current = error as { driverError?: unknown; originalError?: unknown; cause?: unknown } | undefined;
  for (let i = 0; current && typeof current === 'object' && i < 5; i++) {
    out.push(current as never);
    current = (current.driverError ?? current.originalError ?? current.cause) as typeof current;
  }
  return out;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_ACCESS_DENIED_ERROR', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR',
]);

/** The database cannot be reached (or is shut): the client may retry later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some(
    (e) =>
      (e.code !== undefined && UNAVAILABLE_CODES.has(e.code)) ||
      /^(ConnectionIsNotSetError|CannotExecuteNotConnectedError|ConnectionNotFoundError)$/.test(e.name ?? '') ||
      /Pool is closed|connection is not open|Connection is not established|Connection lost|not connected|Can't add new command when connection is in closed state/i.test(e.message ?? ''),
  );
}

/** A unique key violated by a concurrent write (both wrote the same value at once). */
function isDuplicateKey(error: unknown): boolean {
  return chain(error).some((e) => e.code === 'ER_DUP_ENTRY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/** MariaDB's max_statement_time or MySQL's max_execution_time stopped the statement. */
function isStatementTimeout(error: unknown): boolean {
  return chain(error).some((e) => e.code === 'ER_STATEMENT_TIMEOUT' || e.code === 'ER_QUERY_TIMEOUT' || e.errno === 1969 || e.errno === 3024);
}

/**
 * What the server log keeps of an unexpected error: its kind, driver code, masked message and
 * stack frames, and the SQL text with its placeholders — never the bound parameters, which
 * can be personal data.
 */
export function loggable(error: unknown): string {
  const parts = chain(error).map((e) => {
    const { code, errno, name } = e;
    const message = maskLiterals(String(e.message ?? e));
    return `${name ?? 'Error'}${code ? ` ${code}` : ''}${errno ? ` (${errno})` : ''}: ${message}`;
  });
  const stack = String((error as Error)?.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12).join('\n');
  const query = (error as { query?: unknown })?.query;
  return `${parts.join(' <- ')}${typeof query === 'string' ? `\n  sql: ${query.slice(0, 2000)}` : ''}${stack ? `\n${stack}` : ''}`;
}

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
    // Input nested deeper than the parser's call stack: say what to change.
    if (/Maximum call stack size exceeded/.test(formatted.message) && (CLIENT_MISTAKES.has(code) || code === 'BAD_USER_INPUT')) {
      return { ...base, message: translate('inputTooDeep'), extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (CLIENT_MISTAKES.has(code) || code === 'BAD_USER_INPUT') {
      return { ...base, message: localizeGraphqlMessage(formatted.message), extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...base, message: formatted.message, extensions: { code } };
    }

    const requestId = requestStore.getStore()?.requestId ?? 'unknown';
    if (isDatabaseUnavailable(original)) {
      console.error(`[error] request ${requestId}: database unavailable: ${loggable(original)}`);
      return { ...base, message: translate('serviceUnavailable', { requestId }), extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, requestId } };
    }
    if (isDuplicateKey(original)) return { ...base, message: translate('concurrentWrite'), extensions: { code: ErrorCode.CONFLICT } };
    if (isStatementTimeout(original)) return { ...base, message: translate('statementTimeout'), extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
    console.error(`[error] request ${requestId}: ${loggable(original)}`);
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
