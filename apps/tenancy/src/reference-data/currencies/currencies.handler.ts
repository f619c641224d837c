import { Controller } from '@nestjs/common';

import {
  getCurrency,
  listCurrencies,
  listCurrenciesByCountry,
  type CurrencyByCountryResponse,
  type CurrencyListResponse,
  type CurrencyResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { CurrenciesService } from './currencies.service';

@Controller()
export class CurrenciesHandler {
  constructor(private readonly currencies: CurrenciesService) {}

  @Handles(listCurrencies)
  list(request: RequestOf<typeof listCurrencies>): Promise<CurrencyListResponse> {
    return this.currencies.list(request.query);
  }

  @Handles(listCurrenciesByCountry)
  listByCountry(request: RequestOf<typeof listCurrenciesByCountry>): Promise<CurrencyByCountryResponse> {
    return this.currencies.listByCountry(request.params.country);
  }

  @Handles(getCurrency)
  get(request: RequestOf<typeof getCurrency>): Promise<CurrencyResponse> {
    return this.currencies.get(request.params.code);
  }
}
