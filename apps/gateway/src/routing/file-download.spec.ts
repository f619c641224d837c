import { DomainError } from '@lib/contracts';

import { fileReply, safeFilename } from './file-download';

describe('fileReply', () => {
  const spec = { contentType: 'text/plain; charset=utf-8' };

  it('sends the content as an attachment of the declared type, never cached', () => {
    expect(fileReply(spec, { filename: 'acme.env', content: 'A=1\n' })).toEqual({
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': 'attachment; filename="acme.env"', 'cache-control': 'no-store' },
      body: 'A=1\n',
    });
  });

  it('answers 500 when the service sent no file', () => {
    for (const answer of [null, { data: {} }, { filename: 'x', content: 1 }]) {
      expect(() => fileReply(spec, answer)).toThrow(DomainError);
    }
  });
});

describe('safeFilename', () => {
  it('keeps letters, digits, dots, dashes and underscores only', () => {
    expect(safeFilename('acme-1.env')).toBe('acme-1.env');
    expect(safeFilename('a"; b\r\nx.json')).toBe('a_b_x.json');
    expect(safeFilename('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFilename('""')).toBe('download');
  });
});
