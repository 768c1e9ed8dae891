import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiDoc } from '../common/openapi/api-docs';
import { UuidParam } from '../common/uuid';
import { SigningSettingsDto, SigningSettingsView } from './dto/signing.dto';
import { DocumentSigning } from './signing.service';

/** The certificate an authority signs its documents with (admin). */
@ApiTags('authorities')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
@ApiForbiddenResponse({ description: 'Not an admin (problem+json)' })
@ApiNotFoundResponse({ description: 'No such authority (problem+json)' })
@Controller('authorities')
export class SigningController {
  constructor(private readonly signing: DocumentSigning) {}

  @Get(':id/signing-settings')
  @Roles('admin')
  @ApiDoc(
    'The authority’s signing certificate',
    'The PKCS#12 file named for the authority and the certificate its documents are signed with now.',
  )
  @ApiOkResponse({ type: SigningSettingsView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID (problem+json)' })
  @ApiServiceUnavailableResponse({ description: 'The configured file can no longer be used (problem+json)' })
  settings(@Param('id', UuidParam) id: string): Promise<SigningSettingsView> {
    return this.signing.settings(id);
  }

  /**
   * Names the PKCS#12 file (on the servers) and the environment variable with its passphrase. The file is opened
   * before anything is saved; null returns to the development certificate.
   */
  @Put(':id/signing-settings')
  @Roles('admin')
  @ApiDoc(
    'Set the authority’s signing certificate',
    'Names the PKCS#12 file (on the servers) and the environment variable holding its passphrase; the file is opened before anything is saved; null returns to the development certificate.',
  )
  @ApiOkResponse({ type: SigningSettingsView })
  @ApiBadRequestResponse({ description: 'Malformed body or id (problem+json)' })
  @ApiUnprocessableEntityResponse({
    description:
      'SIGNING_CERTIFICATE_UNUSABLE: the file cannot be read, the passphrase is wrong or missing, no RSA key',
  })
  setSettings(
    @Param('id', UuidParam) id: string,
    @Body() dto: SigningSettingsDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<SigningSettingsView> {
    return this.signing.setSettings(id, dto, admin);
  }
}
