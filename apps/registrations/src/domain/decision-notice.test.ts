import { describe, expect, it } from 'vitest';
import { decisionNotice, type DecidedRequest } from './decision-notice.ts';

const request: DecidedRequest = {
  id: 'rrq_1',
  name: 'Portal',
  contactEmail: 'dev@example.com',
  contactName: 'Dana',
  status: 'APPROVED',
  clientId: 'client_123',
  rejectionReason: null,
};

describe('decisionNotice', () => {
  it('tells the requester about an approval with the client id, never a secret', () => {
    const notice = decisionNotice(request);
    expect(notice).toMatchObject({ to: 'dev@example.com', subject: 'Application "Portal" approved' });
    expect(notice?.text).toContain('client_123');
    expect(notice?.text).not.toMatch(/secret:/i);
  });

  it('tells the reason of a rejection', () => {
    const notice = decisionNotice({ ...request, status: 'REJECTED', clientId: null, rejectionReason: 'Duplicate' });
    expect(notice?.subject).toBe('Application "Portal" rejected');
    expect(notice?.text).toContain('Reason: Duplicate');
  });

  it('has nothing to say about other states', () => {
    expect(decisionNotice({ ...request, status: 'PENDING' })).toBeNull();
  });
});
