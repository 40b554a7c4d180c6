import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { localGateway } from './common/executor.js';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import { sessionPrincipal, verifyToken } from './common/auth.js';
import type { Context } from './common/context.js';
import { AppError, ErrorCode, errors } from './common/errors.js';
import { formatError, isDatabaseUnavailable, loggable } from './common/format-error.js';
import { pickLang, requestStore, translate } from './common/i18n.js';
import { requestGatePlugin } from './common/request-gate.js';
import { Loaders } from './common/query/loaders.js';
import { scopeOf, type Principal } from './common/scope.js';
import { DEFAULT_SNAPSHOT_MONTHS, SECURITY_DEFAULTS, type AppConfig } from './config.js';
import { SnapshotBuilder } from './modules/targets/snapshot-builder.js';
import { loadStoredDay } from './modules/targets/target-metrics.js';
import { openDatabase } from './db/data-source.js';
import { prepareInitialData, type InitialData } from './db/seed/initial-data.js';
import { API_KEY_PREFIX, apiKeyService } from './modules/users/api-key.service.js';
import { ANALYTICS_FIELDS } from './modules/analytics/analytics.resolver.js';
import { luoshiSchema } from './schema.js';

/** The port is taken: said in words, with how to choose another. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`${translate('portInUse', { port }, 'zh-CN')}\n${translate('portInUse', { port }, 'en')}`);
  }
}

export interface App {
  url: string;
  port: number;
  db: DataSource;
  initialData: InitialData;
  /** The background builder of month-end snapshots (tests and the benchmark wait for it). */
  snapshots: SnapshotBuilder;
  close(): Promise<void>;
}

type CostCarrier = Request & { luoshiCost?: Context['cost'] };

/** Seconds a client should wait before retrying while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

function serviceUnavailable(requestId: string): AppError {
  return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'serviceUnavailable', { requestId }, {
    requestId,
    http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
  });
}

/**
 * The client's address as audit and throttling see it: Express's `req.ip` (which reads
 * X-Forwarded-For only from peers that TRUST_PROXY names), kept only when it is a valid IP
 * address; otherwise the socket's own peer address. Never fails a request.
 */
export function clientAddress(req: Request): string {
  const plain = (value: string | undefined) => {
    const address = (value ?? '').replace(/%.*$/, '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
    return isIP(address) ? address : null;
  };
  let forwarded: string | undefined;
  try {
    forwarded = req.ip;
  } catch {
    forwarded = undefined;
  }
  return plain(forwarded) ?? plain(req.socket.remoteAddress) ?? '';
}

async function contextFor(req: Request, config: AppConfig, db: DataSource): Promise<Context> {
  const store = requestStore.getStore();
  let principal: Principal | null = null;
  let authError: Error | undefined;
  const header = req.headers.authorization;
  if (header) {
    const token = header.replace(/^Bearer\s+/i, '').trim();
    try {
      if (token.startsWith(API_KEY_PREFIX)) principal = await apiKeyService.principalFor(db.manager, token);
      else {
        const claims = verifyToken(config.jwtSecret, token);
        principal = claims === null ? null : await sessionPrincipal(db, claims);
      }
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.error(`[error] request ${store?.requestId}: database unavailable: ${loggable(error)}`);
      throw serviceUnavailable(store?.requestId ?? '');
    }
    if (!principal) authError = errors.unauthenticated('tokenInvalid');
  }
  const ctx: Context = {
    requestId: store?.requestId ?? randomUUID(),
    lang: store?.lang ?? 'zh-CN',
    ip: clientAddress(req),
    config,
    db,
    principal,
    scope: scopeOf(principal),
    authError,
    loaders: undefined as unknown as Loaders,
    // Batched operations of one HTTP request share one cost budget.
    cost: ((req as CostCarrier).luoshiCost ??= { spent: 0 }),
  };
  ctx.loaders = new Loaders(ctx);
  return ctx;
}

/** Starts Luoshi: opens and migrates the database, seeds it if asked, and listens. */
export async function createApp(config: AppConfig): Promise<App> {
  const db = await openDatabase(config.databaseUrl, { logSql: config.logSql, statementTimeoutMs: config.statementTimeoutMs ?? SECURITY_DEFAULTS.statementTimeoutMs });
  const initialData = await prepareInitialData(db, config);
  // Which day today's stored status and warning are for (one row; they are recomputed in the background when it is not today).
  await loadStoredDay(db.manager);
  const schema = await luoshiSchema();

  const app = express();
  const httpServer: Server = createServer(app);
  app.disable('x-powered-by');
  // No ETag: answers are never cached (no-store), and hashing every response body costs time.
  app.set('etag', false);
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (none by default).
  app.set('trust proxy', config.trustProxy ?? SECURITY_DEFAULTS.trustProxy);

  // Security headers (helmet): no sniffing, no framing, a strict content policy for the
  // console's own files, HSTS only when configured (it is meaningless, even harmful, without TLS).
  const hstsMaxAge = config.hstsMaxAge ?? SECURITY_DEFAULTS.hstsMaxAge;
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          workerSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: hstsMaxAge > 0 ? { maxAge: hstsMaxAge, includeSubDomains: true } : false,
    }),
  );

  const statementLimit = config.sqlStatementLimit ?? SECURITY_DEFAULTS.sqlStatementLimit;
  const timeLimit = config.requestTimeLimitMs ?? SECURITY_DEFAULTS.requestTimeLimitMs;
  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const startedAt = Date.now();
    requestStore.run(
      { requestId, lang: pickLang(req.headers['accept-language']), sqlStatements: 0, sqlStatementLimit: statementLimit, startedAt, deadline: startedAt + timeLimit },
      next,
    );
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  const apollo = new ApolloServer<Context>({
    // The local schema, executed compiled where that is safe and worth it (common/executor.ts).
    gateway: localGateway(schema, { reportExecution: config.exposeSqlStatements, compileAfter: config.compileQueriesAfter }),
    formatError: formatError(!config.production && process.env.NODE_ENV === 'development'),
    allowBatchedHttpRequests: true,
    introspection: true,
    // main.ts owns shutdown: Apollo's own signal handlers would race it and re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching hints: every answer depends on who asks. Saves work on every field.
      ApolloServerPluginCacheControlDisabled(),
      requestGatePlugin(schema, config.queryDepthLimit, config.queryCostLimit, ANALYTICS_FIELDS),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              // The database is unreachable: a retryable 503, not a 500.
              const errorsOf = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
              if (errorsOf.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
                response.http.status = 503;
                response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
              }
              if (!config.exposeSqlStatements || response.body.kind !== 'single') return;
              const statements = requestStore.getStore()?.sqlStatements ?? 0;
              response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: statements };
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  // API answers depend on who asks: never stored by browsers or proxies.
  const noStore = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('cache-control', 'no-store');
    next();
  };
  app.use('/graphql', noStore, express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: ({ req }) => contextFor(req, config, db) }));

  // Body-parser failures (malformed JSON, too large) answer like GraphQL errors, without a stack.
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status === 413 ? 413 : error.status && error.status < 500 ? error.status : 500;
    const key = status === 413 ? 'bodyTooLarge' : status < 500 ? 'bodyMalformed' : 'internal';
    if (status >= 500) console.error(`[error] request ${requestStore.getStore()?.requestId}:`, error);
    res.status(status).json({
      errors: [{ message: translate(key, { requestId: requestStore.getStore()?.requestId ?? '' }), extensions: { code: status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  if (existsSync(join(config.adminDir, 'index.html'))) {
    app.use('/admin', express.static(config.adminDir, { index: 'index.html' }));
    app.get('/admin/{*splat}', (_req, res) => res.sendFile(join(config.adminDir, 'index.html')));
    app.get('/', (_req, res) => res.redirect('/admin/'));
  } else {
    app.get('/', (_req, res) => {
      res.json({ name: 'Luoshi 落实', graphql: '/graphql', health: '/healthz', ready: '/readyz' });
    });
  }

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(config.port);
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  // Month-end snapshots are built in the background, once the server listens.
  const snapshots = new SnapshotBuilder(db, config.snapshotMonths ?? DEFAULT_SNAPSHOT_MONTHS, config.logSql ? console.log : () => undefined);
  snapshots.start();

  return {
    url: `http://localhost:${port}`,
    port,
    db,
    initialData,
    snapshots,
    async close() {
      await snapshots.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await db.destroy();
    },
  };
}
