// Why a request got no HTTP answer at all, in words: the fetch of Node and
// of the extension host says only "fetch failed" and hides the reason (refused,
// reset, DNS, timeout) in `cause.code`.
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection closed by the other side',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'host name lookup failed (DNS)',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

interface ErrorLike { message?: unknown; code?: unknown; cause?: unknown; errors?: unknown }

/** "connection refused (connect ECONNREFUSED 127.0.0.1:9)"; the error's own message when the reason is not known. */
export function describeTransportError(err: unknown): string {
  const chain: ErrorLike[] = [];
  for (let e = err as ErrorLike | undefined, depth = 0; e && typeof e === 'object' && depth < 4; e = e.cause as ErrorLike | undefined, depth++) {
    chain.push(e);
    // Node's happy-eyeballs connect reports an AggregateError of one error per address.
    if (Array.isArray(e.errors) && e.errors[0] && typeof e.errors[0] === 'object') chain.push(e.errors[0] as ErrorLike);
  }
  const coded = chain.find((e) => typeof e.code === 'string' && REASONS[e.code]);
  const message = (e: ErrorLike | undefined) => (typeof e?.message === 'string' && e.message ? e.message : undefined);
  if (coded) {
    const detail = message(coded);
    return detail ? `${REASONS[coded.code as string]} (${detail})` : REASONS[coded.code as string];
  }
  const deepest = [...chain].reverse().find((e) => message(e));
  return message(deepest) ?? String(err);
}
