import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DatabaseHealth, HELIX_VERSION, HelixConfig, Roles, SCHEMA_VERSION } from '@helix/api/core';
import type { SystemStatus } from '@helix/contract';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { hostname } from 'node:os';
import { ScheduledBackups } from './backup/scheduled-backups';
import { InstanceState } from './instance-state';
import { Metrics } from './metrics/metrics';

/** For the OpenAPI document; the web client needs only the type, so the schema stays out of its bundle. */
const systemStatusSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  startedAt: z.string(),
  uptimeSeconds: z.number().int(),
  instance: z.object({ hostname: z.string(), pid: z.number().int() }),
  sockets: z.number().int(),
  roomQueueDepth: z.number().int(),
  busyRooms: z.number().int(),
  database: z.enum(['up', 'down']),
  redis: z.enum(['not configured', 'connecting', 'up', 'down']),
  draining: z.boolean(),
  pollsOpen: z.number().int(),
  initiativesOpen: z.number().int(),
  backupEveryHours: z.number(),
  lastBackup: z.object({ file: z.string(), at: z.string(), documents: z.number().int() }).nullable(),
}) satisfies z.ZodType<SystemStatus>;

class SystemStatusDto extends createZodDto(systemStatusSchema) {}

/** The admin's system page: this instance's state, from the same sources as the metrics and probes. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/system')
export class SystemController {
  constructor(
    private readonly metrics: Metrics,
    private readonly instance: InstanceState,
    private readonly database: DatabaseHealth,
    private readonly backups: ScheduledBackups,
    private readonly config: HelixConfig,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: SystemStatusDto })
  @ApiForbiddenResponse({ description: 'Admins only' })
  async status(): Promise<SystemStatus> {
    return {
      version: HELIX_VERSION,
      schemaVersion: SCHEMA_VERSION,
      startedAt: this.instance.startedAt.toISOString(),
      uptimeSeconds: Math.round(process.uptime()),
      instance: { hostname: hostname(), pid: process.pid },
      sockets: this.metrics.read('helix_sockets_connected'),
      roomQueueDepth: this.metrics.read('helix_room_queue_depth'),
      busyRooms: this.metrics.read('helix_room_queues_busy'),
      database: (await this.database.isUp()) ? 'up' : 'down',
      redis: this.instance.redis,
      draining: this.instance.draining,
      pollsOpen: this.metrics.read('helix_polls_open'),
      initiativesOpen: this.metrics.read('helix_initiatives_open'),
      backupEveryHours: this.config.get('BACKUP_EVERY_HOURS'),
      lastBackup: this.backups.last ?? null,
    };
  }
}
