import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { LICENSE_STATUSES, type LicenseStatus } from '../../licenses/license.entity';

/** Empty form fields (`status=` from the "all" choice of the select) mean "not given". */
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The registry page's form: the same parameters as `GET /api/v1/public/licenses`, as a browser sends them. */
export class RegistryPageQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Number, organization, site name or domain; case- and diacritic-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: LICENSE_STATUSES, description: 'Empty for every status' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(LICENSE_STATUSES)
  status?: LicenseStatus;
}
