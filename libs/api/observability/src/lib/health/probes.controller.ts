import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { DatabaseHealth, NoRateLimit, Public } from '@helix/api/core';
import type { Response } from 'express';
import { InstanceState } from '../instance-state';

/**
 * Liveness and readiness, told apart as Kubernetes and HAProxy use them: `live` only says the process
 * answers (restart it when not), so a database blip never gets healthy instances killed; `ready` says
 * whether to send people here: the database answers, Redis too when instances share it, and the instance
 * is not draining for a shutdown. Neither is rate-limited: probes come every few seconds from one address.
 */
@ApiTags('health')
@Public()
@NoRateLimit()
@Controller('health')
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly indicators: HealthIndicatorService,
    private readonly instance: InstanceState,
  ) {}

  @Get('live')
  @ApiOkResponse({ description: 'The process answers: `{ status: "ok", uptimeSeconds }`' })
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @ApiOkResponse({ description: '`{ status: "ok", info: { database, redis?, serving } }`' })
  @ApiServiceUnavailableResponse({
    description: '`{ status: "error", error: {...} }`: the database or Redis is down, or the instance drains',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.databaseCheck(), () => this.redis(), () => this.serving()]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // terminus' own report, not the API's error body: it names what is down.
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  /** A real ping (terminus' mongoose indicator only reads the connection state, which lags an outage). */
  private async databaseCheck() {
    const database = this.indicators.check('database');
    return (await this.database.isUp()) ? database.up() : database.down();
  }

  private redis() {
    const state = this.instance.redis;
    if (state === 'not configured') return {};
    const redis = this.indicators.check('redis');
    return state === 'up' ? redis.up() : redis.down({ state });
  }

  private serving() {
    const serving = this.indicators.check('serving');
    return this.instance.draining ? serving.down({ reason: 'draining for shutdown' }) : serving.up();
  }
}
