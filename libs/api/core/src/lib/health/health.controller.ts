import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DatabaseHealth } from '../database/database-health';
import { Public } from '../auth/decorators';

export interface HealthReport {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
  uptimeSeconds: number;
}

const healthSchema = (status: HealthReport['status'], db: HealthReport['db']) => ({
  type: 'object',
  properties: {
    status: { type: 'string', enum: [status] },
    db: { type: 'string', enum: [db] },
    uptimeSeconds: { type: 'integer', minimum: 0 },
  },
  required: ['status', 'db', 'uptimeSeconds'],
});

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealth) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ status: "ok", db: "up" }', schema: healthSchema('ok', 'up') })
  @ApiServiceUnavailableResponse({
    description: '{ status: "degraded", db: "down" } while the database is unreachable',
    schema: healthSchema('degraded', 'down'),
  })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const up = await this.database.isUp();
    if (!up) response.status(503);
    return {
      status: up ? 'ok' : 'degraded',
      db: up ? 'up' : 'down',
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
