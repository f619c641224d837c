import { Controller } from '@nestjs/common';

import {
  getCountry,
  listCountries,
  listCountryRegions,
  type CountryListResponse,
  type CountryRegionsResponse,
  type CountryResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { CountriesService } from './countries.service';

@Controller()
export class CountriesHandler {
  constructor(private readonly countries: CountriesService) {}

  @Handles(listCountries)
  list(request: RequestOf<typeof listCountries>): Promise<CountryListResponse> {
    return this.countries.list(request.context, request.query);
  }

  @Handles(listCountryRegions)
  regions(): Promise<CountryRegionsResponse> {
    return this.countries.regions();
  }

  @Handles(getCountry)
  get(request: RequestOf<typeof getCountry>): Promise<CountryResponse> {
    return this.countries.get(request.context, request.params.isoCode, request.query.language);
  }
}
