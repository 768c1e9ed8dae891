import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { ROLES } from '../auth/roles';
import { DomainError } from '../common/domain-error';
import { describeMachine, toMermaid } from './machine';
import { MACHINE_CATALOG } from './machine-catalog';
import { ApiList, ApiDoc } from '../common/openapi/api-docs';
import { ApiParam, ApiResponse, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { StateMachineView } from './state-machine.view';

@ApiTags('catalogues')
@Controller('state-machines')
export class StateMachinesController {
  @Get()
  @Roles(...ROLES)
  @ApiDoc('Every lifecycle', 'The state machines: states, events, and transitions with the roles that may fire them.')
  @ApiList(StateMachineView, 50)
  list() {
    return MACHINE_CATALOG.map(describeMachine);
  }

  @Get(':name')
  @Roles(...ROLES)
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'mermaid'] })
  @Header('Cache-Control', 'public, max-age=300')
  @ApiDoc('One lifecycle', 'One state machine as JSON, or with `format=mermaid` as a Mermaid stateDiagram-v2.')
  @ApiParam({ name: 'name', schema: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z_]*$' } })
  @ApiExtraModels(StateMachineView)
  @ApiResponse({
    status: 200,
    description: 'The machine',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StateMachineView) } },
      'text/plain': { schema: { type: 'string', maxLength: 100000 } },
    },
  })
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
