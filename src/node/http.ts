// The CLI's HttpPort: the shared fetch port (timeout, no redirects) over
// node-fetch.
import fetch from 'node-fetch';
import type { HttpPort } from '../core';
import { fetchPort } from './fetchPort';

export interface NodeHttpOptions {
  /** Per-request timeout (default 30 s); the caller's AbortSignal still applies. */
  timeoutMs?: number;
  userAgent?: string;
}

export function nodeHttp(options: NodeHttpOptions = {}): HttpPort {
  return fetchPort(fetch, { timeoutMs: options.timeoutMs, userAgent: options.userAgent ?? 'genesys-cloud-call-doctor' });
}
