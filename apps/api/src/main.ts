import { Logger } from '@nestjs/common';
import { HelixConfig } from '@helix/api/core';
import { createApp } from './app/create-app';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(HelixConfig);
  Logger.log(config.storageSummary, 'Config');
  await app.listen(config.get('PORT'), config.get('HOST'));
  Logger.log(`Helix is ready on http://localhost:${config.get('PORT')} (API docs at /api/docs)`, 'Helix');
}

bootstrap().catch((error: unknown) => {
  // One clear sentence for the person starting Helix, not a stack trace.
  console.error(`Helix could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
