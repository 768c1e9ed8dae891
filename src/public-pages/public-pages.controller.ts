import { Controller, Get, Header, Inject, Param, Query, Redirect, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExcludeController,
  ApiExtraModels,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { VerificationDto } from '../registry/dto/public-license.dto';
import { RegistryService, Verification } from '../registry/registry.service';
import { RegistryPageQuery } from './dto/registry-page.query';
import { HTML_CONTENT_TYPE, prefersJson, PUBLIC_PAGE_CSP } from './negotiation';
import { PublicPageErrorFilter } from './public-page-error.filter';
import { licensePage } from './views/license.view';
import { registryPage } from './views/registry.view';
import { verificationPage } from './views/verification.view';

const HTML_PAGE = { 'text/html': { schema: { type: 'string', description: 'The page (HTML, no script)' } } };
const ERROR_PAGE = {
  'text/html': { schema: { type: 'string', description: 'An error page' } },
  'application/problem+json': { schema: { type: 'object', description: 'RFC 9457 problem details' } },
};

/**
 * The public pages, server-rendered HTML outside the API's prefix (registered in PUBLIC_PAGE_ROUTES): the registry
 * search, a license's public page, and the verification page the QR code on a license opens. They read only what
 * the public registry API returns, through the same service.
 */
// Not part of the API document: these are HTML pages for people, not API operations (docs/api.md); programs read
// the same data from the public registry API (/api/v1/public/...), which the document describes.
@ApiExcludeController()
@Controller()
@UseFilters(PublicPageErrorFilter)
export class PublicPagesController {
  constructor(
    private readonly registry: RegistryService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Redirect('/registry', 302)
  @ApiOperation({ summary: 'The public home page: redirects to the registry search' })
  @ApiFoundResponse({ description: 'Location: /registry' })
  home(): void {}

  @Get('registry')
  @Public()
  @Header('Content-Type', HTML_CONTENT_TYPE)
  @Header('Content-Security-Policy', PUBLIC_PAGE_CSP)
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The public registry search page (HTML)' })
  @ApiOkResponse({ description: 'The search form, the results and a pager', content: HTML_PAGE })
  @ApiBadRequestResponse({ description: 'Invalid parameters', content: ERROR_PAGE })
  async registryPage(@Query() q: RegistryPageQuery): Promise<string> {
    const result = await this.registry.search(q);
    return registryPage({ q: q.q ?? '', status: q.status, page: q.page, pageSize: q.pageSize }, result);
  }

  @Get('registry/:licenseId')
  @Public()
  @Header('Content-Type', HTML_CONTENT_TYPE)
  @Header('Content-Security-Policy', PUBLIC_PAGE_CSP)
  @ApiProduces('text/html')
  @ApiOperation({ summary: "A license's public page in the registry (HTML)" })
  @ApiParam({ name: 'licenseId', format: 'uuid' })
  @ApiOkResponse({ description: 'The public particulars and status of the license', content: HTML_PAGE })
  @ApiNotFoundResponse({ description: 'No such license', content: ERROR_PAGE })
  async licensePage(@Param('licenseId') licenseId: string): Promise<string> {
    return licensePage(await this.registry.license(licenseId));
  }

  /**
   * The QR code's target (`PUBLIC_BASE_URL/v/{code}`): the page for a person, the verification JSON (the body of
   * `GET /api/v1/public/licenses/verify`) for a client sending `Accept: application/json`. Never cached: the
   * status can change at any moment, and the page says when it was checked.
   */
  @Get('v/:code')
  @Public()
  @ApiProduces('text/html', 'application/json')
  @ApiExtraModels(VerificationDto)
  @ApiOperation({ summary: 'Verify a license from the code in its QR code: a page, or JSON on request' })
  @ApiParam({ name: 'code', description: 'The verification code printed under the QR code' })
  @ApiOkResponse({
    description: 'The verdict: valid, suspended until …, revoked, expired, or not found for a wrong code',
    content: {
      ...HTML_PAGE,
      'application/json': { schema: { $ref: getSchemaPath(VerificationDto) } },
    },
  })
  async verify(
    @Param('code') code: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Verification | string> {
    const verification = await this.registry.verifyCode(code);
    res.vary('Accept');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', PUBLIC_PAGE_CSP);
    if (prefersJson(req)) return verification;
    res.type(HTML_CONTENT_TYPE);
    return verificationPage(verification, this.clock.now(), this.config.defaultTimeZone);
  }
}
