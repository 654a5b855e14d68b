import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { resolve } from 'node:path';
import {
  completeOpenApiDocument,
  FirstScreens,
  HelixConfig,
  jsonBody,
  methodNotAllowed,
  securityHeaders,
  webClient,
  type EnvOverrides,
} from '@helix/api/core';
import { httpMetrics, Metrics } from '@helix/api/observability';
import { HelixIoAdapter } from '@helix/api/realtime';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

/** Builds the whole app as `main.ts` runs it; tests call this too, so they exercise the same wiring. */
export async function createApp(overrides: EnvOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(overrides), {
    bodyParser: false,
    // Held until pino is in place, so even the first lines come out as JSON (see ObservabilityModule).
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  const config = app.get(HelixConfig);
  app.use(httpMetrics(app.get(Metrics)));
  // A phone on the hall's network gets JSON, pages and CSVs gzipped: a room list of 17 KB arrives as 3 KB.
  // The hashed assets already come compressed by the build (webAssets), and compression leaves those be.
  app.use(compression());
  app.use(jsonBody());
  app.set('trust proxy', config.get('TRUST_PROXY'));
  // Prometheus scrapes /metrics, where it looks by default.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.enableShutdownHooks();
  const sockets = new HelixIoAdapter(app);
  sockets.connectRedis();
  app.useWebSocketAdapter(sockets);
  const origins = config.get('CORS_ORIGINS');
  if (origins.length) app.enableCors({ origin: origins, credentials: true });
  app.use(securityHeaders({ publicUrl: config.get('PUBLIC_URL') }));
  app.use(
    webClient(resolve(config.get('HELIX_WEB_DIR')), {
      publicUrl: config.get('PUBLIC_URL'),
      firstScreens: app.get(FirstScreens),
    }),
  );

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
