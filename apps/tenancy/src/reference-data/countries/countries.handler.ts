import { Controller } from '@nestjs/common';

import {
  getCountry,
  listCountries,
  listCountryRegions,
  type CountryBody,
  type CountryListBody,
  type CountryRegionsBody,
  type DataResponse,
} from '@lib/contracts';
import { Handles, type RequestOf } from '@lib/transport';

import { CountriesService } from './countries.service';

@Controller()
export class CountriesHandler {
  constructor(private readonly countries: CountriesService) {}

  @Handles(listCountries)
  list(request: RequestOf<typeof listCountries>): Promise<DataResponse<CountryListBody>> {
    return this.countries.list(request.context, request.query);
  }

  @Handles(listCountryRegions)
  regions(): Promise<DataResponse<CountryRegionsBody>> {
    return this.countries.regions();
  }

  @Handles(getCountry)
  get(request: RequestOf<typeof getCountry>): Promise<DataResponse<CountryBody>> {
    return this.countries.get(request.context, request.params.isoCode, request.query.language);
  }
}
