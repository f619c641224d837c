import { Controller } from '@nestjs/common';

import { getLanguage, listLanguages, type DataResponse, type LanguageBody, type LanguageListBody } from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { LanguagesService } from './languages.service';

@Controller()
export class LanguagesHandler {
  constructor(private readonly languages: LanguagesService) {}

  @Handles(listLanguages)
  list(request: RequestOf<typeof listLanguages>): Promise<DataResponse<LanguageListBody>> {
    return this.languages.list(request.query);
  }

  @Handles(getLanguage)
  get(request: RequestOf<typeof getLanguage>): Promise<DataResponse<LanguageBody>> {
    return this.languages.get(request.params.code);
  }
}
