import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { common } from './index.ts';

const protoRoot = fileURLToPath(new URL('../../../proto/', import.meta.url));
const generatedRoot = fileURLToPath(new URL('./generated/', import.meta.url));

describe('generated stubs', () => {
  it('exist for every .proto under proto/', () => {
    const protos = readdirSync(protoRoot, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.proto'));
    expect(protos.length).toBeGreaterThan(0);
    for (const file of protos) {
      expect(existsSync(`${generatedRoot}${file.replace(/\.proto$/, '.ts')}`), file).toBe(true);
    }
  });

  it('round-trip common.v1.PageInfo through the wire format, int64 as number', () => {
    const info: common.v1.PageInfo = { page: 3, pageSize: 50, total: 2 ** 40 + 7, totalPages: Math.ceil((2 ** 40 + 7) / 50) };
    const bytes = common.v1.PageInfo.encode(info).finish();
    expect(common.v1.PageInfo.decode(bytes)).toEqual(info);
  });

  it('use proto3 defaults for absent fields and camelCase JSON names', () => {
    const request = common.v1.PageRequest.decode(common.v1.PageRequest.encode({ page: 2, pageSize: 0 }).finish());
    expect(request).toEqual({ page: 2, pageSize: 0 });
    expect(common.v1.PageRequest.toJSON({ page: 1, pageSize: 20 })).toEqual({ page: 1, pageSize: 20 });
    expect(common.v1.PageRequest.fromPartial({ page: 4 })).toEqual({ page: 4, pageSize: 0 });
  });
});
