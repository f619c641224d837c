import { Controller } from '@nestjs/common';

import {
  getCurrency,
  listCurrencies,
  listCurrenciesByCountry,
  type CurrencyBody,
  type DataResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { CurrenciesService } from './currencies.service';

@Controller()
export class CurrenciesHandler {
  constructor(private readonly currencies: CurrenciesService) {}

  @Handles(listCurrencies)
  list(request: RequestOf<typeof listCurrencies>): Promise<DataResponse<CurrencyBody[]>> {
    return this.currencies.list(request.query);
  }

  @Handles(listCurrenciesByCountry)
  listByCountry(request: RequestOf<typeof listCurrenciesByCountry>): Promise<DataResponse<CurrencyBody[]>> {
    return this.currencies.listByCountry(request.params.country);
  }

  @Handles(getCurrency)
  get(request: RequestOf<typeof getCurrency>): Promise<DataResponse<CurrencyBody>> {
    return this.currencies.get(request.params.code);
  }
}
