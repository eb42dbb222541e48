// A minimal scripted "browser" for sign-in tests: a cookie jar, manual
// redirects, and submitting the first form of a page with chosen values.
// It plays the user in front of real login pages over loopback HTTP.

export interface Page { url: string; status: number; body: string; headers: Headers }

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

export class MiniBrowser {
  readonly cookies = new Map<string, string>();
  readonly visited: string[] = [];

  /** Sends one request and follows redirects (GET) until a non-3xx page. */
  async open(url: string, init: { method?: string; form?: Record<string, string> } = {}, hops = 20): Promise<Page> {
    let method = init.method ?? (init.form ? 'POST' : 'GET');
    let body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    let current = url;
    for (let i = 0; i < hops; i++) {
      this.visited.push(`${method} ${current}`);
      const headers: Record<string, string> = {};
      if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(current, { method, headers, body, redirect: 'manual' });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        current = new URL(location, current).toString();
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: current, status: res.status, body: await res.text(), headers: res.headers };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the first form on the page: its hidden/prefilled inputs plus `values`. */
  submit(page: Page, values: Record<string, string> = {}, formIndex = 0): Promise<Page> {
    const forms = [...page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
    const form = forms[formIndex];
    if (!form) throw new Error(`no form on ${page.url} (HTTP ${page.status}): ${page.body.slice(0, 300)}`);
    const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];
    const action = new URL(decode(attr(form[1], 'action') ?? page.url), page.url).toString();
    const fields: Record<string, string> = {};
    for (const input of form[2].matchAll(/<input\b[^>]*>/gi)) {
      const name = attr(input[0], 'name');
      if (name) fields[name] = decode(attr(input[0], 'value') ?? '');
    }
    return this.open(action, { method: (attr(form[1], 'method') ?? 'GET').toUpperCase(), form: { ...fields, ...values } });
  }
}
