/** An e-mail to a requester. Never carries a credential: the secret is shown once, in the console. */
export interface Notice {
  to: string;
  subject: string;
  text: string;
}

export interface DecidedRequest {
  id: string;
  name: string;
  contactEmail: string;
  contactName: string | null;
  status: string;
  clientId: string | null;
  rejectionReason: string | null;
}

/** The requester's notice of an approval or a rejection; null for any other state. */
export function decisionNotice(request: DecidedRequest): Notice | null {
  const greeting = `Hello${request.contactName ? ` ${request.contactName}` : ''},`;
  if (request.status === 'APPROVED') {
    return {
      to: request.contactEmail,
      subject: `Application "${request.name}" approved`,
      text: [
        greeting,
        '',
        `your registration request ${request.id} for "${request.name}" was approved.`,
        `Client ID: ${request.clientId ?? '(see the admin console)'}`,
        'The approving admin received the client secret, if your application type has one; it is not sent by e-mail.',
      ].join('\n'),
    };
  }
  if (request.status === 'REJECTED') {
    return {
      to: request.contactEmail,
      subject: `Application "${request.name}" rejected`,
      text: [greeting, '', `your registration request ${request.id} for "${request.name}" was rejected.`, `Reason: ${request.rejectionReason ?? '-'}`].join('\n'),
    };
  }
  return null;
}
