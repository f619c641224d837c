import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { AuditEventEntity } from './audit-event.entity';

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * `audit.audit_events`: append-only. Every read takes the tenant id as a required argument;
 * writes come only from the ingest consumer, whose events carry their own tenant.
 */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly repository: Repository<AuditEventEntity>) {}

  /** Inserts in one statement; rows whose id is already stored are skipped (a redelivery). Returns how many were new. */
  async insertIgnoringDuplicates(events: AuditEventEntity[]): Promise<number> {
    if (events.length === 0) return 0;
    const result = await this.repository
      .createQueryBuilder()
      .insert()
      .into(AuditEventEntity)
      .values(events as QueryDeepPartialEntity<AuditEventEntity>[])
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length;
  }

  /** The tenant's newest events that name a resource by uuid, newest first. */
  newestWithResource(tenantId: string, limit: number): Promise<AuditEventEntity[]> {
    return this.repository
      .createQueryBuilder('event')
      .where('event.tenant_id = :tenantId', { tenantId })
      .andWhere('event.resource_id ~ :uuid', { uuid: UUID_PATTERN })
      .orderBy('event.occurred_at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
