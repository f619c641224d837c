import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** `limit` and `offset` of every paginated list. */
export class PaginationQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** ISO 639-1 code for localized names; falls back to Accept-Language, then English. */
export class LanguageQuery {
  @IsOptional()
  @IsString()
  @Matches(/^[a-zA-Z]{2}$/, { message: 'language must be an ISO 639-1 code such as "de"' })
  language?: string;
}

/** A page of a list that takes a free-text `search` (what it matches, each endpoint's description says). */
export class SearchablePageQuery extends PaginationQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
