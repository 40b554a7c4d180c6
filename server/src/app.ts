import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { verifyToken } from './common/auth.js';
import type { Context } from './common/context.js';
import { errors } from './common/errors.js';
import { formatError } from './common/format-error.js';
import { pickLang, requestStore, translate } from './common/i18n.js';
import { requestGatePlugin } from './common/request-gate.js';
import { Loaders } from './common/query/loaders.js';
import { scopeOf, type Principal } from './common/scope.js';
import type { AppConfig } from './config.js';
import { openDatabase } from './db/data-source.js';
import { prepareInitialData, type InitialData } from './db/seed/initial-data.js';
import { API_KEY_PREFIX, apiKeyService } from './modules/users/api-key.service.js';
import { userService } from './modules/users/user.service.js';
import { ANALYTICS_FIELDS } from './modules/analytics/analytics.resolver.js';
import { luoshiSchema } from './schema.js';

export interface App {
  url: string;
  port: number;
  db: DataSource;
  initialData: InitialData;
  close(): Promise<void>;
}

type CostCarrier = Request & { luoshiCost?: { spent: number } };

async function contextFor(req: Request, config: AppConfig, db: DataSource): Promise<Context> {
  const store = requestStore.getStore();
  let principal: Principal | null = null;
  let authError: Error | undefined;
  const header = req.headers.authorization;
  if (header) {
    const token = header.replace(/^Bearer\s+/i, '').trim();
    if (token.startsWith(API_KEY_PREFIX)) principal = await apiKeyService.principalFor(db.manager, token);
    else {
      const claims = verifyToken(config.jwtSecret, token);
      principal = claims === null ? null : await userService.principalFor(db.manager, claims);
    }
    if (!principal) authError = errors.unauthenticated('tokenInvalid');
  }
  const ctx: Context = {
    requestId: store?.requestId ?? randomUUID(),
    lang: store?.lang ?? 'zh-CN',
    ip: req.ip ?? '',
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
  const db = await openDatabase(config.databaseUrl, { logSql: config.logSql });
  const initialData = await prepareInitialData(db, config);
  const schema = await luoshiSchema();

  const app = express();
  const httpServer: Server = createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    requestStore.run({ requestId, lang: pickLang(req.headers['accept-language']), sqlStatements: 0 }, next);
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
    schema,
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
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: ({ req }) => contextFor(req, config, db) }));

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

  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  const port = (httpServer.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    db,
    initialData,
    async close() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await db.destroy();
    },
  };
}
