import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  completeOpenApiDocument,
  HelixConfig,
  methodNotAllowed,
  webAssets,
  type EnvOverrides,
} from '@helix/api/core';
import { HelixIoAdapter } from '@helix/api/realtime';
import { AppModule } from './app.module';

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** The JSON body limit: a 4000-character message is ~16 KB even in 4-byte characters. */
const JSON_BODY_LIMIT = '100kb';

/** Builds the whole app as `main.ts` runs it; tests call this too, so they exercise the same wiring. */
export async function createApp(overrides: EnvOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(overrides), {
    logger: overrides['NODE_ENV'] === 'test' ? ['error', 'warn'] : undefined,
  });
  const config = app.get(HelixConfig);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.set('trust proxy', config.get('TRUST_PROXY'));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const sockets = new HelixIoAdapter(app);
  sockets.connectRedis();
  app.useWebSocketAdapter(sockets);
  const origins = config.get('CORS_ORIGINS');
  if (origins.length) app.enableCors({ origin: origins, credentials: true });
  // The web client is built with no inline script or style, so its policy allows none; only the
  // third-party Swagger UI at /api/docs gets inline styles.
  const strict = helmet({ contentSecurityPolicy: { directives: { ...CSP_DIRECTIVES } } });
  const docs = helmet({
    contentSecurityPolicy: { directives: { ...CSP_DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] } },
  });
  app.use((request: Request, response: Response, next: NextFunction) =>
    (request.path.startsWith('/api/docs') ? docs : strict)(request, response, next),
  );
  // Ahead of the static module in app.module.ts, which serves the rest of the client (index.html).
  const assetsDir = resolve(config.get('HELIX_WEB_DIR'), 'assets');
  if (existsSync(assetsDir)) app.use('/assets', webAssets(assetsDir));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Helix API')
      .setDescription(
        'Stakeholder collaboration workspace: accounts, rooms, threads, messages, polls, initiatives.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  const openApi = completeOpenApiDocument(cleanupOpenApiDoc(document));
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json' });
  app.use(methodNotAllowed(openApi));
  return app;
}
