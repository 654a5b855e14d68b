import { Logger } from '@nestjs/common';
import { HELIX_VERSION, HelixConfig, SCHEMA_VERSION } from '@helix/api/core';
import { runBackupCommand } from '@helix/api/observability';
import { createApp } from './app/create-app';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(HelixConfig);
  // What runs and how it is set up, for whoever reads the log later; the config carries no secrets.
  Logger.log(
    {
      msg: 'Helix is starting',
      versions: { helix: HELIX_VERSION, schema: SCHEMA_VERSION, node: process.versions.node },
      config: config.loggable,
    },
    'Helix',
  );
  Logger.log(config.storageSummary, 'Config');
  await app.listen(config.get('PORT'), config.get('HOST'));
  Logger.log(`Helix is ready on http://localhost:${config.get('PORT')} (API docs at /api/docs)`, 'Helix');
}

const [command, ...args] = process.argv.slice(2);
if (command === 'backup' || command === 'restore') {
  // `npm run backup -- FILE`, `npm run restore -- FILE [--force]`: the same build, its configuration and database.
  void runBackupCommand(command, args).then((code) => process.exit(code));
} else {
  bootstrap().catch((error: unknown) => {
    // One clear sentence for the person starting Helix, not a stack trace.
    console.error(`Helix could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
