import type { JsMsg } from 'nats';

import type { AuditEventsRepository } from './audit-events.repository';
import { AuditIngestService, isDataError } from './audit-ingest.service';

const TENANT = '0b0f6c1e-2222-4a53-9a59-3f0d2f3c1a10';

interface FakeMessage {
  ack: jest.Mock;
  nak: jest.Mock;
  term: jest.Mock;
}

let sequence = 0;

/** A JetStream message of the stream AUDIT, recording what was answered. */
function auditMessage(body: unknown): JsMsg & FakeMessage {
  sequence += 1;
  const id = `5f0e8c1a-1111-4a53-9a59-${String(sequence).padStart(12, '0')}`;
  const payload = typeof body === 'string' ? body : JSON.stringify({ id, ...(body as object) });
  return {
    subject: 'events.audit.identity.login.succeeded',
    data: new TextEncoder().encode(payload),
    seq: sequence,
    headers: undefined,
    info: { stream: 'AUDIT', streamSequence: sequence, timestampNanos: Date.now() * 1e6 },
    ack: jest.fn(),
    nak: jest.fn(),
    term: jest.fn(),
  } as unknown as JsMsg & FakeMessage;
}

const validEvent = (resourceType = 'session') => auditMessage({ action: 'identity.login.succeeded', resourceType, tenantId: TENANT, details: {} });

const postgresError = (code: string) => Object.assign(new Error(`pg ${code}`), { driverError: { code } });

function setup() {
  const repository = { insertIgnoringDuplicates: jest.fn().mockResolvedValue(1) };
  const service = new AuditIngestService(repository as unknown as AuditEventsRepository);
  return { repository, service };
}

describe('AuditIngestService', () => {
  it('inserts a batch in one statement and acknowledges every message after the insert', async () => {
    const { repository, service } = setup();
    const batch = [validEvent(), validEvent()];
    let ackedBeforeInsertReturned = false;
    repository.insertIgnoringDuplicates.mockImplementation(async () => {
      ackedBeforeInsertReturned = batch.some((m) => m.ack.mock.calls.length > 0);
      return 2;
    });
    await service.store(service.prepare(batch));
    expect(repository.insertIgnoringDuplicates).toHaveBeenCalledTimes(1);
    expect(repository.insertIgnoringDuplicates.mock.calls[0][0]).toHaveLength(2);
    expect(ackedBeforeInsertReturned).toBe(false);
    batch.forEach((m) => expect(m.ack).toHaveBeenCalledTimes(1));
  });

  it('acknowledges a redelivered message whose row exists already (nothing inserted)', async () => {
    const { repository, service } = setup();
    repository.insertIgnoringDuplicates.mockResolvedValue(0);
    const redelivered = validEvent();
    await service.store(service.prepare([redelivered]));
    expect(redelivered.ack).toHaveBeenCalledTimes(1);
  });

  it('terminates malformed messages without storing them, and stores the rest', async () => {
    const { repository, service } = setup();
    const broken = auditMessage('{"oops"');
    const noTenant = auditMessage({ action: 'x.y.z', resourceType: 'user', tenantId: 'acme' });
    const good = validEvent();
    await service.store(service.prepare([broken, good, noTenant]));
    expect(broken.term).toHaveBeenCalledWith();
    expect(noTenant.term).toHaveBeenCalledWith();
    expect(repository.insertIgnoringDuplicates.mock.calls[0][0]).toHaveLength(1);
    expect(good.ack).toHaveBeenCalled();
    [broken, noTenant].forEach((m) => expect(m.ack).not.toHaveBeenCalled());
  });

  it('acknowledges nothing and throws while Postgres is unavailable, so the batch can be retried', async () => {
    const { repository, service } = setup();
    repository.insertIgnoringDuplicates.mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    const batch = [validEvent(), validEvent()];
    const pending = service.prepare(batch);
    await expect(service.store(pending)).rejects.toThrow('ECONNREFUSED');
    batch.forEach((m) => {
      expect(m.ack).not.toHaveBeenCalled();
      expect(m.term).not.toHaveBeenCalled();
    });
    repository.insertIgnoringDuplicates.mockResolvedValue(2);
    await service.store(pending);
    batch.forEach((m) => expect(m.ack).toHaveBeenCalledTimes(1));
  });

  it('finds the row Postgres refuses by storing one by one, terminates it and acknowledges the others', async () => {
    const { repository, service } = setup();
    const refused = validEvent('refused');
    const fine = validEvent();
    repository.insertIgnoringDuplicates.mockImplementation(async (rows: { resourceType: string }[]) => {
      if (rows.some((r) => r.resourceType === 'refused')) throw postgresError('22001');
      return rows.length;
    });
    await service.store(service.prepare([refused, fine]));
    expect(refused.term).toHaveBeenCalled();
    expect(refused.ack).not.toHaveBeenCalled();
    expect(fine.ack).toHaveBeenCalledTimes(1);
  });
});

describe('isDataError', () => {
  it('blames the row for data and constraint errors only', () => {
    expect(isDataError(postgresError('22P02'))).toBe(true);
    expect(isDataError(postgresError('23514'))).toBe(true);
    expect(isDataError(postgresError('57P01'))).toBe(false);
    expect(isDataError(postgresError('42P01'))).toBe(false);
    expect(isDataError(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});
