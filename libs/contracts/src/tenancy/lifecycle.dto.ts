import type { SuccessBodyOf } from '../client/platform-client';
import type { activateTenant, getTenantLifecycleHistory } from './lifecycle.contract';

/** Every lifecycle action answers the tenant as it is afterwards. */
export type LifecycleTenantResponse = SuccessBodyOf<typeof activateTenant>;
export type LifecycleHistoryResponse = SuccessBodyOf<typeof getTenantLifecycleHistory>;
export type LifecycleHistoryEntryBody = LifecycleHistoryResponse['data'][number];
