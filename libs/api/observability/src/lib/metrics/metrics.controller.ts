import { Controller, Get, Headers, NotFoundException, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HelixConfig, NoRateLimit, Public } from '@helix/api/core';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Metrics } from './metrics';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Prometheus' scrape endpoint, outside `/api` as Prometheus expects. Off unless METRICS_TOKEN is set, and
 * then only for the bearer of that token: the figures tell a stranger how busy each room is.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly token?: Buffer;

  constructor(
    private readonly metrics: Metrics,
    config: HelixConfig,
  ) {
    const token = config.get('METRICS_TOKEN');
    this.token = token ? digest(token) : undefined;
  }

  @Public()
  @NoRateLimit()
  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    if (!this.token) throw new NotFoundException('Metrics are off: set METRICS_TOKEN to turn them on');
    const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), this.token)) {
      throw new UnauthorizedException('Metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    response.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
