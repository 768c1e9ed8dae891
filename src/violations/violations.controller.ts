import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import {
  CreateViolationDto,
  ProposalsQuery,
  ProposalTransitionDto,
  ViolationsQuery,
  ViolationTransitionDto,
} from './dto/violation.dto';
import { proposalView, violationView } from './violation.entity';
import { ViolationsService } from './violations.service';
import { ApiList, ApiDoc, ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { EnforcementProposalView, ViolationView } from './dto/violation.views';
import { HistoryEntryView } from '../workflow/history.view';

@ApiTags('violations')
@Controller('violations')
export class ViolationsController {
  constructor(private readonly violations: ViolationsService) {}

  /** Logs a violation → OPEN (422 when the catalogue has no entry of that code in force on `detectedOn`). */
  @Post()
  @Roles('inspector')
  @ApiDoc(
    'Log a violation',
    'An inspector logs a violation (OPEN); 422 when the catalogue has no entry of that code in force on `detectedOn`.',
  )
  @ApiCreatedResponse({ type: ViolationView })
  @ApiProblems(404, 422)
  async create(@Body() dto: CreateViolationDto, @CurrentUser() inspector: AuthenticatedUser) {
    const v = await this.violations.create(dto, inspector);
    return violationView(v);
  }

  @Get()
  @Roles(...ROLES)
  @ApiDoc(
    'List violations',
    'Owners see their organization’s violations, staff their authority’s; filter by license and state.',
  )
  @ApiPage(ViolationView)
  async list(@Query() q: ViolationsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.violations.list(user, q);
    return { ...page, items: page.items.map((i) => violationView(i.violation, i.type)) };
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiDoc('Read a violation', 'One violation with the catalogue entry applied.')
  @ApiOkResponse({ type: ViolationView })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { violation, type } = await this.violations.get(id, user);
    return violationView(violation, type);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  @ApiDoc('A violation’s history', 'Every event fired on the violation, oldest first.')
  @ApiList(HistoryEntryView, 10000)
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.violations.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...ROLES)
  @ApiOkResponse({ type: AllowedTransitionsDto })
  @ApiDoc('Events allowed now', 'The violation’s state and version and the events this caller may fire.')
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.violations.allowed(id, user);
  }

  /** SANCTION (decisionNumber, fineAmount in range, remedyDueOn?), DISMISS (reason), CONFIRM_REMEDIED, ESCALATE. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('inspector', 'approver')
  @ApiDoc(
    'Fire a violation event',
    'SANCTION (decision number, fine within the entry’s range, remedy date), DISMISS (reason), CONFIRM_REMEDIED or ESCALATE.',
  )
  @ApiOkResponse({ type: ViolationView })
  @ApiProblems(409, [422, 'A fine outside the entry’s range, or another guard'])
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: ViolationTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return violationView(await this.violations.transition(id, dto, user));
  }
}

/** The approver's queue of enforcement proposals (suspend or revoke), created by escalated violations. */
@ApiTags('violations')
@Controller('enforcement-proposals')
export class EnforcementProposalsController {
  constructor(private readonly violations: ViolationsService) {}

  @Get()
  @Roles('approver', 'admin')
  @ApiDoc(
    'Enforcement proposals',
    'The approver’s queue of proposals (suspend or revoke) created by escalated violations.',
  )
  @ApiPage(EnforcementProposalView)
  async list(@Query() q: ProposalsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.violations.proposals(user, q);
    return { ...page, items: page.items.map((i) => proposalView(i.proposal, i.license)) };
  }

  /** ACT once the license was suspended/revoked through POST /licenses/{id}/transitions, or DISMISS with a reason. */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('approver')
  @ApiDoc(
    'Close an enforcement proposal',
    'ACT once the license was suspended or revoked through POST /licenses/{id}/transitions, or DISMISS with a reason.',
  )
  @ApiOkResponse({ type: EnforcementProposalView })
  @ApiProblems(409, 422)
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: ProposalTransitionDto,
    @CurrentUser() approver: AuthenticatedUser,
  ) {
    const r = await this.violations.closeProposal(id, dto, approver);
    return proposalView(r.proposal, r.license);
  }
}
