import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { DomainError } from '../common/domain-error';
import { asset, isAssetName } from './assets';
import { PublicPageErrorFilter } from './public-page-error.filter';

/** The stylesheet and icon of the public pages (static files, so that no page needs an inline style). */
@ApiExcludeController()
@Controller('static')
@UseFilters(PublicPageErrorFilter)
export class PublicAssetsController {
  @Get(':file')
  @Public()
  file(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    if (!isAssetName(file)) throw DomainError.notFound('File');
    const a = asset(file);
    res.setHeader('ETag', a.etag);
    // The pages link to `?v=<digest>`: a changed file has a new URL, so a long cache is safe.
    res.setHeader('Cache-Control', 'public, max-age=604800');
    res.type(a.contentType);
    if (req.headers['if-none-match'] === a.etag) {
      res.status(304).end();
      return;
    }
    res.send(a.body);
  }
}
