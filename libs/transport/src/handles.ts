import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { parseRequest, type EndpointDeclaration, type RpcRequest } from '@lib/contracts';

/** Validates the forwarded request again with the endpoint's own DTOs and hands them over typed. */
class EndpointRequestPipe implements PipeTransform<RpcRequest, RpcRequest> {
  constructor(private readonly endpoint: EndpointDeclaration) {}

  transform(request: RpcRequest): RpcRequest {
    return { context: request.context, ...parseRequest(this.endpoint, request) } as RpcRequest;
  }
}

/**
 * Marks the one method that answers `endpoint`: subscribes to its subject and validates the
 * payload against the same DTOs the gateway used. The method takes an `RpcRequest`.
 */
export function Handles(endpoint: EndpointDeclaration): MethodDecorator {
  return applyDecorators(MessagePattern(endpoint.id), (target: object, key: string | symbol) => {
    Payload(new EndpointRequestPipe(endpoint))(target, key, 0);
  });
}

/** Typed request for a handler of `E`. */
export type RequestOf<E> = E extends EndpointDeclaration<infer P, infer Q, infer B> ? RpcRequest<P, Q, B> : never;
