// Which Genesys environment a request URL targets, compared by origin.

/** The origin of an absolute http(s) URL; undefined for relative or unparsable ones (no environment named). */
export function originOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try { return new URL(url).origin; } catch { return undefined; }
}
