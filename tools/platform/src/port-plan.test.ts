import { describe, expect, it } from 'vitest';
import { planPorts, portsOf } from './port-plan.ts';

describe('planPorts', () => {
  it('uses the ports of docs/contracts.md by default', () => {
    const plan = planPorts();
    expect(plan.gateway).toBe(8080);
    expect(plan.services).toEqual({
      auth: { grpc: 50051, ops: 9101, http: 8081 },
      partners: { grpc: 50052, ops: 9102 },
      registrations: { grpc: 50053, ops: 9103 },
      billing: { grpc: 50054, ops: 9104 },
      metering: { grpc: 50055, ops: 9105 },
      provisioning: { grpc: 50056, ops: 9106 },
    });
  });

  it('shifts every port by the offset and takes an explicit gateway port', () => {
    const plan = planPorts({ portOffset: 1000, gatewayPort: 18080 });
    expect(plan.gateway).toBe(18080);
    expect(plan.services.auth).toEqual({ grpc: 51051, ops: 10101, http: 9081 });
    expect(plan.services.provisioning).toEqual({ grpc: 51056, ops: 10106 });
    expect(planPorts({ portOffset: 1000 }).gateway).toBe(9080);
  });

  it('never plans two listeners on one port', () => {
    const ports = portsOf(planPorts({ portOffset: 7 })).map((p) => p.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).toHaveLength(1 + 6 * 2 + 1);
  });

  it('refuses a plan that collides or leaves the port range', () => {
    expect(() => planPorts({ gatewayPort: 9101 })).toThrow('Port plan: auth ops and api-gateway HTTP would both listen on 9101.');
    expect(() => planPorts({ portOffset: 20000 })).toThrow(/outside 1–65535/);
  });
});
