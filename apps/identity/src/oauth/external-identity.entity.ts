import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { OAuthProviderId } from '@lib/contracts';

/** An account at an OAuth provider linked to a user (`identity.external_identities`): one per provider and subject. */
@Entity({ name: 'external_identities' })
export class ExternalIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  provider: OAuthProviderId;

  /** The provider's stable user id (`sub`, GitHub's numeric id), never the email. */
  @Column({ type: 'text' })
  subject: string;

  /** The verified email the provider reported when the link was made (for support, not for lookups). */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
