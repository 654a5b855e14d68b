export { ObservabilityModule } from './lib/observability.module';
export { Metrics, type SampledGauge } from './lib/metrics/metrics';
export { httpMetrics } from './lib/metrics/http-metrics';
export { InstanceState, type RedisState } from './lib/instance-state';
export { runBackupCommand } from './lib/backup/backup-cli';
export { ScheduledBackups, type LastBackup } from './lib/backup/scheduled-backups';
export { SocketEventObserver } from './lib/logging/socket-event-observer';
