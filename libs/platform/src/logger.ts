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

/** Quiet periods never hold a line back longer than this: the buffer is flushed on a timer too. */
const FLUSH_INTERVAL_MS = 1000;

export function createLogger(service: string, level = 'info'): Logger {
  const logger = pino(
    {
      level,
      base: { service },
      redact: { paths: redactPaths(), censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Asynchronous writes in 4 KiB batches (pino's recommended setup): a line per request under load
    // cost a write and a growing buffer string each, which showed in the gateway's p99 (npm run bench).
    // pino flushes on exit; the timer below bounds the delay when traffic is light.
    pino.destination({ sync: false, minLength: 4096 }),
  );
  setInterval(() => logger.flush(), FLUSH_INTERVAL_MS).unref();
  return logger;
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
