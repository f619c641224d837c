/**
 * Runs `work` and answers no sooner than `minimumMs` after the start, so a caller cannot tell from the
 * time taken which path ran (e.g. a known email writing a token and publishing a mail, an unknown one not).
 */
export async function withUniformDuration<T>(minimumMs: number, work: () => Promise<T>, now: () => number = () => performance.now()): Promise<T> {
  const started = now();
  const outcome = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const remaining = minimumMs - (now() - started);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
