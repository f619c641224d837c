import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditEventEntity } from './audit-event.entity';
import { AuditEventsInternalHandler } from './audit-events-internal.handler';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditEventsService } from './audit-events.service';
import { AuditIngestConsumer } from './audit-ingest.consumer';
import { AuditIngestService } from './audit-ingest.service';

@Module({
  controllers: [AuditEventsInternalHandler],
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditEventsRepository, AuditEventsService, AuditIngestConsumer, AuditIngestService],
})
export class AuditEventsModule {}
