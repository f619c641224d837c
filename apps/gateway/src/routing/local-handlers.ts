import type { RpcRequest } from '@lib/contracts';

/** Endpoints the gateway answers itself (owner `gateway`), keyed by endpoint id. */
export type LocalHandler = (request: RpcRequest) => Promise<unknown>;
export const LOCAL_HANDLERS = Symbol('LOCAL_HANDLERS');
