export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Named in the timeout message, e.g. "health to answer 200". */
  what?: string;
}

/**
 * Calls `probe` until `done(value)` holds and returns that value; on timeout throws with the last
 * value (or error) seen. Errors thrown by `probe` count as "not yet".
 */
export async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 500, what = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}; last seen: ${describe(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  const text = JSON.stringify(value, (key, v) => (key === 'headers' ? undefined : v));
  return text && text.length > 800 ? `${text.slice(0, 800)}…` : String(text);
}
