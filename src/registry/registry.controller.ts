import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { RegistryPageDto, VerificationDto } from './dto/public-license.dto';
import { RegistryQuery, VerifyQuery } from './dto/registry.dto';
import { RegistryService } from './registry.service';

@ApiTags('public')
@Controller('public/licenses')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  /** Licensed sites, searchable by number, organization, site name or domain (case- and diacritic-insensitive). */
  @Get()
  @Public()
  @ApiOperation({ summary: 'The public registry of licensed sites' })
  @ApiOkResponse({ type: RegistryPageDto })
  @ApiBadRequestResponse({ description: 'Invalid parameters (problem+json VALIDATION_FAILED)' })
  search(@Query() q: RegistryQuery) {
    return this.registry.search(q);
  }

  /** The QR code's target: `{ valid, status, … }`; a wrong code gives `{ valid: false }` and nothing else. */
  @Get('verify')
  @Public()
  @ApiOperation({ summary: 'Verify a license from its number and the code printed under its QR code' })
  @ApiOkResponse({ type: VerificationDto })
  @ApiBadRequestResponse({ description: 'Missing or malformed number or code (problem+json VALIDATION_FAILED)' })
  verify(@Query() q: VerifyQuery) {
    return this.registry.verify(q);
  }
}
