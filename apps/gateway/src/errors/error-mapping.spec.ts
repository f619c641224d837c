import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';

import { DomainError, ErrorCode } from '@lib/contracts';

import { toDomainError } from './error-mapping';

describe('toDomainError', () => {
  it('keeps domain errors as they are', () => {
    const error = new DomainError(ErrorCode.CountryNotFound, 404, 'No country XX');
    expect(toDomainError(error, 1024)).toBe(error);
  });

  it('maps Fastify body errors to 413, 415 and 400', () => {
    expect(toDomainError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413, message: 'x' }, 1024)).toMatchObject({
      code: ErrorCode.PayloadTooLarge,
      status: 413,
    });
    expect(toDomainError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415, message: 'x' }, 1024)).toMatchObject({
      code: ErrorCode.UnsupportedMediaType,
      status: 415,
    });
    expect(toDomainError({ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400, message: 'x' }, 1024)).toMatchObject({
      status: 400,
    });
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toDomainError(new PayloadTooLargeException(), 1024)).toMatchObject({ code: ErrorCode.PayloadTooLarge, status: 413 });
    expect(toDomainError(new BadRequestException('bad'), 1024)).toMatchObject({ code: ErrorCode.BadRequest, status: 400 });
  });

  it('leaves unknown errors and unmatched routes to the caller', () => {
    expect(toDomainError(new Error('boom'), 1024)).toBeNull();
    expect(toDomainError(new NotFoundException(), 1024)).toBeNull();
  });
});
