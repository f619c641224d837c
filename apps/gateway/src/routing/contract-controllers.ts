import { All, Controller, HttpCode, Req, RequestMapping, RequestMethod, Res, type Type } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { toRoutePath, type EndpointDeclaration } from '@lib/contracts';

import { EndpointDispatcher } from './endpoint-dispatcher';
import { ForEndpoint, RequiresAccess } from './endpoint.metadata';
import { unmatchedRoute } from './unmatched-route';
import type { RouteTable } from './route-table';

/**
 * Builds the gateway's routes from the endpoint declarations: one handler method per endpoint,
 * all delegating to the dispatcher. There is no hand-written route code per endpoint.
 */
export function contractController(endpoints: readonly EndpointDeclaration[]): Type {
  @Controller()
  class ContractController {
    constructor(readonly dispatcher: EndpointDispatcher) {}
  }
  for (const endpoint of endpoints) {
    const name = endpoint.id;
    const handler = endpoint.download
      ? function (this: ContractController, request: FastifyRequest, reply: FastifyReply) {
          return this.dispatcher.dispatchDownload(endpoint, request, reply);
        }
      : function (this: ContractController, request: FastifyRequest) {
          return this.dispatcher.dispatch(endpoint, request);
        };
    Object.defineProperty(handler, 'name', { value: name });
    Object.defineProperty(ContractController.prototype, name, { value: handler, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(ContractController.prototype, name) as PropertyDescriptor;
    Req()(ContractController.prototype, name, 0);
    // Passthrough: the download sets its headers on the reply, Nest still sends the returned body.
    if (endpoint.download) Res({ passthrough: true })(ContractController.prototype, name, 1);
    Reflect.defineMetadata('design:paramtypes', endpoint.download ? [Object, Object] : [Object], ContractController.prototype, name);
    const decorators = [
      RequestMapping({ path: toRoutePath(endpoint.path), method: RequestMethod[endpoint.method] }),
      HttpCode(endpoint.status),
      ForEndpoint(endpoint),
    ];
    for (const decorate of decorators) decorate(ContractController.prototype, name, descriptor);
  }
  return ContractController;
}

/**
 * Unknown routes under /api/v1/secure/ ask for credentials first, so an anonymous caller learns
 * nothing about which secure routes exist; authenticated callers get 404 or 405.
 */
export function secureFallbackController(routes: RouteTable): Type {
  @Controller()
  class SecureFallbackController {
    @All('api/v1/secure/*')
    @RequiresAccess('authenticated')
    unmatched(@Req() request: FastifyRequest): never {
      throw unmatchedRoute(routes, request);
    }
  }
  return SecureFallbackController;
}
