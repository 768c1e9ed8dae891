import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { RateLimit } from '../common/rate-limit';
import { ApiDoc } from '../common/openapi/api-docs';
import { HealthView } from './health.view';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  // Probed by load balancers and orchestrators every few seconds; a counter write would cost more than the probe.
  @RateLimit('none')
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'The database does not answer' })
  @ApiDoc('Health', 'Whether the service and its database answer.')
  @ApiOkResponse({ type: HealthView })
  async health(@Res({ passthrough: true }) res: Response) {
    const up = await Promise.race([
      this.dataSource
        .query('SELECT 1')
        .then(() => true)
        .catch(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref()),
    ]);
    res.setHeader('Cache-Control', 'no-store');
    if (!up) {
      res.status(503);
      return { status: 'error', database: 'down' };
    }
    return { status: 'ok', database: 'up' };
  }
}
