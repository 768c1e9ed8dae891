import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { RegistryPageDto, VerificationDto } from './dto/public-license.dto';
import { RegistryQuery, VerifyQuery } from './dto/registry.dto';
import { RegistryService } from './registry.service';
import { ApiDoc } from '../common/openapi/api-docs';

@ApiTags('public')
@Controller('public/licenses')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  /** Licensed sites, searchable by number, organization, site name or domain (case- and diacritic-insensitive). */
  @Get()
  @Public()
  @ApiDoc(
    'Search the public registry',
    'Licensed sites by number, organization, site name or domain, with status; no personal data. No account needed.',
  )
  @ApiOkResponse({ type: RegistryPageDto })
  search(@Query() q: RegistryQuery) {
    return this.registry.search(q);
  }

  /** The QR code's target: `{ valid, status, … }`; a wrong code gives `{ valid: false }` and nothing else. */
  @Get('verify')
  @Public()
  @ApiDoc(
    'Verify a license',
    'What the QR code on a license opens: whether the number and code name a license, and its public particulars and status.',
  )
  @ApiOkResponse({ type: VerificationDto })
  verify(@Query() q: VerifyQuery) {
    return this.registry.verify(q);
  }
}
