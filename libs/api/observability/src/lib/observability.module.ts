import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HelixConfig } from '@helix/api/core';
import { LoggerModule } from 'nestjs-pino';
import { ScheduledBackups } from './backup/scheduled-backups';
import { ProbesController } from './health/probes.controller';
import { InstanceState } from './instance-state';
import { loggerOptions } from './logging/logger-options';
import { DatabaseMetrics } from './metrics/database-metrics';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { SystemController } from './system.controller';

/** Logs, metrics and probes for the whole app; feature libraries inject `Metrics` and `InstanceState`. */
@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({ inject: [HelixConfig], useFactory: loggerOptions }),
    // terminus' own log of a failed check would repeat every probe; the probe's answer says it all.
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [ProbesController, MetricsController, SystemController],
  providers: [Metrics, InstanceState, DatabaseMetrics, ScheduledBackups],
  exports: [Metrics, InstanceState, ScheduledBackups],
})
export class ObservabilityModule {}
