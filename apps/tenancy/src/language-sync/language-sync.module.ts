import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { LanguageSyncJobEntity } from './language-sync-job.entity';
import { LanguageSyncJobsRepository } from './language-sync-jobs.repository';
import { LanguageSyncQueue } from './language-sync.queue';
import { LanguageSyncRunner } from './language-sync.runner';
import { LanguageSyncService } from './language-sync.service';
import { TRANSLATABLE_KINDS, TranslatableEntities, translatableKinds } from './translatable-entities';

/** Language sync jobs: recorded by the tenants module, run here in the background, read by the tenant overview. */
@Module({
  exports: [LanguageSyncService],
  imports: [TypeOrmModule.forFeature([LanguageSyncJobEntity])],
  providers: [
    { provide: TRANSLATABLE_KINDS, useValue: translatableKinds },
    LanguageSyncJobsRepository,
    LanguageSyncQueue,
    LanguageSyncRunner,
    LanguageSyncService,
    TranslatableEntities,
  ],
})
export class LanguageSyncModule {}
