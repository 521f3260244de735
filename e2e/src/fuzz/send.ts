import http from 'node:http';
import type { FuzzAnswer } from './verdict.ts';

export interface RawRequest {
  method: string;
  /** Sent as is: node:http, unlike fetch, neither normalizes `..` nor refuses a GET body. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** One request over HTTP/1.1; a reset or a timeout answers status 0 (a failure to judge). */
export function send(baseUrl: string, request: RawRequest, timeoutMs = 15_000): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const req = http.request(
      { agent, hostname, port, method: request.method, path: request.path, headers: request.headers, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => resolve({ status: 0, contentType: '', text: `response error: ${error.message}` }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ status: 0, contentType: '', text: `request error: ${error.message}` }));
    req.end(request.body);
  });
}

export function closeConnections(): void {
  agent.destroy();
}
