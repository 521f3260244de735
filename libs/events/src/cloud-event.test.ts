import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, isCloudEvent } from './cloud-event.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createEvent', () => {
  it('builds a CloudEvents 1.0 envelope with a UUIDv7 id and the current time', () => {
    const before = Date.now();
    const event = createEvent({
      source: '/apps/partners',
      type: 'scai.partners.partner.deleted',
      subject: 'prt_123',
      data: { partnerId: 'prt_123' },
      tenantId: 'tnt_1',
      partnerId: 'prt_123',
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/apps/partners',
      type: 'scai.partners.partner.deleted',
      subject: 'prt_123',
      datacontenttype: 'application/json',
      data: { partnerId: 'prt_123' },
      tenantid: 'tnt_1',
      partnerid: 'prt_123',
    });
    expect(event.id).toMatch(UUID_V7);
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before);
    expect(isCloudEvent(JSON.parse(JSON.stringify(event)))).toBe(true);
  });

  it('leaves out absent optional attributes', () => {
    const event = createEvent({ source: '/apps/x', type: 'scai.x.y.z', data: null, tenantId: null });
    expect(Object.keys(event).sort()).toEqual(['data', 'datacontenttype', 'id', 'source', 'specversion', 'time', 'type']);
  });

  it('gives ids that sort by creation', () => {
    const ids = Array.from({ length: 50 }, () => createEvent({ source: '/apps/x', type: 'scai.x.y.z', data: 1 }).id);
    expect([...ids].sort()).toEqual(ids);
  });

  describe('with a context manager', () => {
    // Without one (no SDK registered) there is no active span to carry.
    beforeAll(() => {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    });
    afterAll(() => {
      context.disable();
    });

    it('carries the active span as traceparent', () => {
      const spanContext = {
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        traceFlags: TraceFlags.SAMPLED,
      };
      const ctx = trace.setSpanContext(context.active(), spanContext);
      const event = context.with(ctx, () => createEvent({ source: '/apps/x', type: 'scai.x.y.z', data: 1 }));
      expect(event.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    });
  });

  it('rejects a type that is not scai.<domain>.<entity>.<verb>-like', () => {
    expect(() => createEvent({ source: '/apps/x', type: 'scai.x', data: 1 })).toThrow(TypeError);
    expect(() => createEvent({ source: '/apps/x', type: 'scai.x.>', data: 1 })).toThrow(TypeError);
    expect(() => createEvent({ source: '', type: 'scai.x.y.z', data: 1 })).toThrow(TypeError);
  });
});

describe('isCloudEvent', () => {
  it('rejects bodies without the required attributes', () => {
    expect(isCloudEvent(null)).toBe(false);
    expect(isCloudEvent({ specversion: '1.0', id: '', source: 's', type: 't', time: 'x', data: 1 })).toBe(false);
    expect(isCloudEvent({ specversion: '0.3', id: 'a', source: 's', type: 't', time: 'x', data: 1 })).toBe(false);
  });
});
