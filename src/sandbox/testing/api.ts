// A tiny HTTP helper for the sandbox tests: one API call with a bearer token.
export interface ApiResult { status: number; headers: Headers; text: string; json: any } // eslint-disable-line @typescript-eslint/no-explicit-any

export async function api(base: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<ApiResult> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}
