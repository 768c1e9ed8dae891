import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { ROLES } from '../auth/roles';
import { DomainError } from '../common/domain-error';
import { describeMachine, toMermaid } from './machine';
import { MACHINE_CATALOG } from './machine-catalog';

@ApiTags('catalogues')
@Controller('state-machines')
export class StateMachinesController {
  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ description: 'Every lifecycle: states, events, transitions with the roles that may fire them' })
  list() {
    return MACHINE_CATALOG.map(describeMachine);
  }

  @Get(':name')
  @Roles(...ROLES)
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'mermaid'] })
  @Header('Cache-Control', 'public, max-age=300')
  one(@Param('name') name: string, @Query('format') format: string | undefined, @Res() res: Response) {
    const machine = MACHINE_CATALOG.find((m) => m.name === name);
    if (!machine) throw DomainError.notFound('State machine');
    if (format === 'mermaid') {
      res.type('text/plain; charset=utf-8').send(toMermaid(machine));
      return;
    }
    if (format !== undefined && format !== 'json') {
      throw DomainError.validation('Unknown format', [{ field: 'format', message: 'must be json or mermaid' }]);
    }
    res.json(describeMachine(machine));
  }
}
