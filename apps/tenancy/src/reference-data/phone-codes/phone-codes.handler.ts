import { Controller } from '@nestjs/common';

import {
  getPhoneCode,
  listPhoneCodes,
  searchPhoneCodes,
  type PhoneCodeListResponse,
  type PhoneCodeResponse,
  type PhoneCodeSearchResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { PhoneCodesService } from './phone-codes.service';

@Controller()
export class PhoneCodesHandler {
  constructor(private readonly phoneCodes: PhoneCodesService) {}

  @Handles(listPhoneCodes)
  list(request: RequestOf<typeof listPhoneCodes>): Promise<PhoneCodeListResponse> {
    return this.phoneCodes.list(request.query);
  }

  @Handles(searchPhoneCodes)
  search(request: RequestOf<typeof searchPhoneCodes>): Promise<PhoneCodeSearchResponse> {
    return this.phoneCodes.search(request.query.code);
  }

  @Handles(getPhoneCode)
  get(request: RequestOf<typeof getPhoneCode>): Promise<PhoneCodeResponse> {
    return this.phoneCodes.get(request.params.country);
  }
}
