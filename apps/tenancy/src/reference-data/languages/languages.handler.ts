import { Controller } from '@nestjs/common';

import { getLanguage, listLanguages, type LanguageListResponse, type LanguageResponse } from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { LanguagesService } from './languages.service';

@Controller()
export class LanguagesHandler {
  constructor(private readonly languages: LanguagesService) {}

  @Handles(listLanguages)
  list(request: RequestOf<typeof listLanguages>): Promise<LanguageListResponse> {
    return this.languages.list(request.query);
  }

  @Handles(getLanguage)
  get(request: RequestOf<typeof getLanguage>): Promise<LanguageResponse> {
    return this.languages.get(request.params.code);
  }
}
