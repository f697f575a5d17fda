import { Controller, Get, HttpStatus, Logger, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../authz/policies.decorator';
import { RedisService } from '../redis/redis.service';

/** What anyone may see: up or down, never the internal reason (it is logged instead). */
type Check = { status: 'up'; latencyMs: number } | { status: 'down' };

/**
 * `/health` for load balancers and people: 200 while the database answers (the api can serve),
 * 503 when it does not. Redis is reported but not required: without it only live and queued work waits.
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
  ) {}

  @Public()
  @Get()
  async health(@Res() response: Response): Promise<void> {
    const [database, redis] = await Promise.all([this.database(), this.redisCheck()]);
    const status = database.status === 'down' ? 'down' : redis.status === 'down' ? 'degraded' : 'ok';
    response
      .status(database.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status, database, redis });
  }

  private async database(): Promise<Check> {
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      this.logger.warn(`database check failed: ${(error as Error).message}`);
      return { status: 'down' };
    }
  }

  private async redisCheck(): Promise<Check> {
    const result = await this.redis.ping();
    if (result.up) return { status: 'up', latencyMs: result.latencyMs };
    this.logger.warn(`Redis check failed: ${result.error}`);
    return { status: 'down' };
  }
}
