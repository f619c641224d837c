import { HttpException, NotFoundException } from '@nestjs/common';

import { DomainError, ErrorCode } from '@lib/contracts';

/** Status code → the error code used when nothing more specific is known. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.ValidationFailed,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
  504: ErrorCode.GatewayTimeout,
};

/** Errors Fastify raises while reading a request, before any handler runs. */
interface FastifyError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** Everything the filter can meet, as a DomainError; anything unexpected becomes null (a 500). */
export function toDomainError(exception: unknown, bodyLimit: number): DomainError | null {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof NotFoundException) return null;
  if (exception instanceof HttpException) return fromHttpException(exception);
  const fastify = exception as FastifyError | null;
  if (fastify && typeof fastify.code === 'string' && fastify.code.startsWith('FST_')) return fromFastify(fastify, bodyLimit);
  return null;
}

function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest);
  return new DomainError(code, status, exception.message);
}

function fromFastify(error: FastifyError, bodyLimit: number): DomainError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError(ErrorCode.PayloadTooLarge, 413, `The request body is larger than ${bodyLimit} bytes.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError(ErrorCode.UnsupportedMediaType, 415, 'Send the request body as application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError(ErrorCode.BadRequest, 400, 'The Content-Length header does not match the body.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError(ErrorCode.BadRequest, 400, 'The body is empty although Content-Type is application/json.');
    default: {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      const message = /JSON/i.test(error.message) ? `Malformed JSON body: ${error.message}` : error.message;
      return new DomainError(CODE_BY_STATUS[status] ?? ErrorCode.BadRequest, status, message);
    }
  }
}
