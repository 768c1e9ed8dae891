import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { RegistryQuery, VerifyQuery } from './dto/registry.dto';
import { RegistryService } from './registry.service';

@ApiTags('public')
@Controller('public/licenses')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  /** Licensed sites, searchable by number, organization, site name or domain (case- and diacritic-insensitive). */
  @Get()
  @Public()
  @ApiOkResponse({
    description:
      '{ items: [{ number, organizationName, siteName, domains, status, issuedOn, expiresOn, authority }], total, page, pageSize }',
  })
  search(@Query() q: RegistryQuery) {
    return this.registry.search(q);
  }

  /** The QR code's target: `{ valid, status, … }`; a wrong code gives `{ valid: false }` and nothing else. */
  @Get('verify')
  @Public()
  @ApiOkResponse({
    description:
      '{ valid, status, number, organizationName, siteName, domains, issuedOn, expiresOn, authority, signature }; ' +
      'signature (LicenseSignatureDto): { status: VALID | INVALID | UNSIGNED | SIGNER_MISMATCH, valid, signer, ' +
      'signedAt, development, format, version, sha256, matchesRecordedDigest } of the latest version’s PDF',
  })
  verify(@Query() q: VerifyQuery) {
    return this.registry.verify(q);
  }
}
