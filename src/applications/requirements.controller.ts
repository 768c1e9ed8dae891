import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { ApplicationsService } from './applications.service';
import { RequirementsQuery, RequirementView } from './dto/application.dto';

@ApiTags('catalogues')
@Controller('requirements')
export class RequirementsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** The dossier documents of an application type (Decree 72/2013 art. 23đ, 23h), in filing order. */
  @Get()
  @Public()
  @ApiOkResponse({ type: [RequirementView] })
  list(@Query() q: RequirementsQuery): Promise<RequirementView[]> {
    return this.applications.requirements(q.applicationType);
  }
}
