import { DomainError, ErrorCode, type DownloadSpec, type FileDownload } from '@lib/contracts';

export interface FileReply {
  headers: Record<string, string>;
  body: string;
}

/**
 * The HTTP answer of a download endpoint: the service's file as an attachment. The filename is reduced
 * to a safe character set, so a service can never inject header syntax or a path.
 */
export function fileReply(spec: DownloadSpec, answer: unknown): FileReply {
  if (!isFileDownload(answer)) {
    throw new DomainError(ErrorCode.Internal, 500, 'The service answered a download without a file.');
  }
  return {
    headers: {
      'content-type': spec.contentType,
      'content-disposition': `attachment; filename="${safeFilename(answer.filename)}"`,
      'cache-control': 'no-store',
    },
    body: answer.content,
  };
}

function isFileDownload(value: unknown): value is FileDownload {
  const file = value as Partial<FileDownload> | null;
  return !!file && typeof file.filename === 'string' && typeof file.content === 'string';
}

export function safeFilename(filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return safe.slice(0, 128) || 'download';
}
