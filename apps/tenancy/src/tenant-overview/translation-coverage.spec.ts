import { coverageOf } from './translation-coverage';

describe('coverageOf', () => {
  it('rounds the translated share to a whole percent', () => {
    expect(coverageOf(3, 1)).toEqual({ total: 3, translated: 1, percentage: 33 });
    expect(coverageOf(3, 2)).toEqual({ total: 3, translated: 2, percentage: 67 });
    expect(coverageOf(8, 1)).toEqual({ total: 8, translated: 1, percentage: 13 });
    expect(coverageOf(200, 1)).toEqual({ total: 200, translated: 1, percentage: 1 });
    expect(coverageOf(1000, 999)).toEqual({ total: 1000, translated: 999, percentage: 100 });
  });

  it('answers 0 percent for nothing to translate', () => {
    expect(coverageOf(0, 0)).toEqual({ total: 0, translated: 0, percentage: 0 });
  });

  it('never reports more translated than there are entities, nor negative counts', () => {
    expect(coverageOf(2, 5)).toEqual({ total: 2, translated: 2, percentage: 100 });
    expect(coverageOf(2, -1)).toEqual({ total: 2, translated: 0, percentage: 0 });
  });
});
