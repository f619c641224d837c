import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { parseRequest, type EndpointDeclaration, type RpcRequest } from '@lib/contracts';
import { NatsRpcClient } from '@lib/transport';

import { GATEWAY_ENV, type GatewayEnv } from '../config';
import { fileReply } from './file-download';
import { LOCAL_HANDLERS, type LocalHandler } from './local-handlers';
import { requestContext } from './request-context';

/**
 * The one path every request takes: validate against the declaration, then answer locally
 * (gateway-owned endpoints) or forward to the owning service over NATS.
 */
@Injectable()
export class EndpointDispatcher {
  constructor(
    private readonly rpc: NatsRpcClient,
    @Inject(LOCAL_HANDLERS) private readonly localHandlers: Map<string, LocalHandler>,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  dispatch(endpoint: EndpointDeclaration, request: FastifyRequest): Promise<unknown> {
    const parsed = parseRequest(endpoint, { params: request.params, query: request.query, body: request.body });
    const rpcRequest: RpcRequest = { context: requestContext(request), ...parsed } as RpcRequest;
    const local = this.localHandlers.get(endpoint.id);
    if (local) return local(rpcRequest);
    return this.rpc.request(endpoint.id, rpcRequest, this.env.RPC_TIMEOUT_MS);
  }

  /** A download endpoint: the answer goes out as a file attachment instead of JSON. */
  async dispatchDownload(endpoint: EndpointDeclaration, request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const file = fileReply(endpoint.download!, await this.dispatch(endpoint, request));
    void reply.headers(file.headers);
    return file.body;
  }
}
