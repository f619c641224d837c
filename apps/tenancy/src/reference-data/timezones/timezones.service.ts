import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

import {
  DomainError,
  ErrorCode,
  type ListTimezonesQuery,
  type TimezoneBody,
  type TimezoneListResponse,
  type TimezoneRegionsResponse,
  type TimezoneResponse,
} from '@lib/contracts';

import { Clock } from '../common/clock';
import { listPage, prioritize } from '../common/list-page';
import { searchableText, searchTerm } from '../common/search-text';
import { allZones, canonicalZoneName, zoneOf, ZoneClock, type Zone } from './zone-info';

/** Listed first, in this order (the contract's list). */
export const PRIORITY_TIMEZONES = [
  'Europe/Zurich',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Australia/Sydney',
];

interface IndexedZone extends Zone {
  clock: ZoneClock;
  searchText: string;
}

interface ZoneIndex {
  /** Priority zones, then by region, then by city. */
  zones: IndexedZone[];
  byName: Map<string, IndexedZone>;
  regions: string[];
}

/**
 * Served from memory, as the contract says: the zone list is built on first use; offsets are
 * computed for the zones of the answered page at the time of the request.
 */
@Injectable()
export class TimezonesService implements OnApplicationBootstrap {
  private index?: ZoneIndex;

  constructor(private readonly clock: Clock) {}

  /** Builds the list and every zone's formats at boot, so no request pays the ~1 s it takes. */
  onApplicationBootstrap(): void {
    this.list({});
  }

  /** `search` matches the name or the city (`new york`, `zurich`); `region` is the name's first part. */
  list(query: ListTimezonesQuery): TimezoneListResponse {
    const term = searchTerm(query.search);
    const region = query.region?.trim().toLowerCase();
    const matches = this.zones().zones.filter(
      (zone) => (!region || zone.region.toLowerCase() === region) && (!term || zone.searchText.includes(term)),
    );
    const { items, ...paging } = listPage(matches, query);
    const now = this.clock.now();
    return { data: { timezones: items.map((zone) => bodyOf(zone, now)), ...paging } };
  }

  regions(): TimezoneRegionsResponse {
    return { data: this.zones().regions };
  }

  /** By IANA name in any case, also by an old or linked name (`Asia/Calcutta`, `US/Eastern`). */
  get(name: string): TimezoneResponse {
    const zone = this.find(name);
    if (!zone) {
      throw DomainError.notFound(
        ErrorCode.TimezoneNotFound,
        `"${name}" is not an IANA time zone. Use a name such as Europe/Zurich; GET /api/v1/public/timezones lists them.`,
      );
    }
    return { data: bodyOf(zone, this.clock.now()) };
  }

  private find(name: string): IndexedZone | undefined {
    const { byName } = this.zones();
    const known = byName.get(name.toLowerCase());
    if (known) return known;
    const canonical = canonicalZoneName(name);
    if (!canonical) return undefined;
    // Valid for Intl but not listed (e.g. Etc/GMT+5): answered all the same.
    return byName.get(canonical.toLowerCase()) ?? indexed(zoneOf(canonical));
  }

  private zones(): ZoneIndex {
    this.index ??= indexZones(allZones());
    return this.index;
  }
}

function indexZones(zones: Zone[]): ZoneIndex {
  const sorted = zones
    .map(indexed)
    .sort((a, b) => a.region.localeCompare(b.region) || a.city.localeCompare(b.city) || a.name.localeCompare(b.name));
  const ordered = prioritize(sorted, (zone) => zone.name, PRIORITY_TIMEZONES);
  const byName = new Map(ordered.map((zone) => [zone.name.toLowerCase(), zone]));
  return { zones: ordered, byName, regions: [...new Set(ordered.map((zone) => zone.region))].sort() };
}

function indexed(zone: Zone): IndexedZone {
  return {
    ...zone,
    clock: new ZoneClock(zone.name),
    searchText: searchableText([zone.name, zone.name.replace(/_/g, ' '), zone.city]),
  };
}

function bodyOf(zone: IndexedZone, now: Date): TimezoneBody {
  const { offset, offsetMinutes, abbreviation } = zone.clock.at(now);
  return { name: zone.name, offset, offsetMinutes, region: zone.region, city: zone.city, abbreviation };
}
