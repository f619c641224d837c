import { pollUntil } from './poll';

describe('pollUntil', () => {
  it('returns the first value that satisfies the condition', async () => {
    let calls = 0;
    const value = await pollUntil(async () => ++calls, (n) => n >= 3, { intervalMs: 1 });
    expect(value).toBe(3);
  });

  it('treats errors as "not yet" and reports the last one on timeout', async () => {
    const failing = () => Promise.reject(new Error('ECONNREFUSED'));
    await expect(pollUntil(failing, () => true, { timeoutMs: 30, intervalMs: 5, what: 'the gateway' })).rejects.toThrow(
      /waiting for the gateway; last seen: ECONNREFUSED/,
    );
  });
});
