import { MessagePattern } from '@nestjs/microservices';

import type { InternalSubject } from '@lib/contracts';

/** Marks the one method answering an internal subject; the method takes an `InternalRequest`. */
export function HandlesInternal(subject: InternalSubject<unknown, unknown>): MethodDecorator {
  return MessagePattern(subject.subject);
}
