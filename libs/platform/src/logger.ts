import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Fields never written to logs, at the top level and one level down (we never log whole request bodies). */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'api_key',
  'secret',
  'authorization',
  'cookie',
  'x-api-key',
];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SECRET_KEYS) {
    const k = `["${key}"]`;
    // Deeper wildcards made redaction the costliest part of every log line.
    paths.push(k, `*${k}`);
  }
  return paths;
}

export function createLogger(service: string, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: redactPaths(), censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Asynchronous writes: lines logged while a write is in flight go out together, so under load
    // it is one syscall per batch instead of per line. pino flushes on exit.
    pino.destination({ sync: false }),
  );
}

/**
 * A child that writes without redaction, for lines whose fields the caller fixes and none of which
 * can hold a secret (the gateway's access log). Redaction was half the cost of such a line.
 */
export function fixedFieldsLogger(logger: Logger): Logger {
  return logger.child({}, { redact: [] });
}

/** Lets Nest write its own lines through pino, with the class name as context. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
