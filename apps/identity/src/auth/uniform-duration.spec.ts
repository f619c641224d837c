import { withUniformDuration } from './uniform-duration';

describe('withUniformDuration', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('holds a fast answer back until the minimum has passed', async () => {
    let clock = 0;
    let settled = false;
    const answer = withUniformDuration(300, async () => {
      clock += 20;
      return 'done';
    }, () => clock).then((value) => {
      settled = true;
      return value;
    });
    await jest.advanceTimersByTimeAsync(279);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await answer).toBe('done');
  });

  it('holds failures back too, and lets slow work answer at once', async () => {
    let clock = 0;
    const failing = withUniformDuration(300, async () => Promise.reject(new Error('nope')), () => clock);
    const caught = failing.catch((error: Error) => error.message);
    await jest.advanceTimersByTimeAsync(300);
    expect(await caught).toBe('nope');
    const slow = withUniformDuration(300, async () => {
      clock += 500;
      return 'late';
    }, () => clock);
    expect(await slow).toBe('late');
  });
});
