/** At most this many origins per site (the server's SiteInputSchema says the same). */
export const MAX_ORIGINS = 20;

type OriginProblem = 'not_url' | 'not_web' | 'has_path' | 'too_many';

export interface OriginLineError {
  /** 1-based line number in the text the admin typed. */
  readonly line: number;
  readonly value: string;
  readonly problem: OriginProblem;
}

export interface ParsedOrigins {
  /** Unique origins, in the order typed. */
  readonly origins: string[];
  readonly errors: OriginLineError[];
}

/**
 * Reads the "allowed origins" box: one origin per line, blank lines ignored, duplicates dropped. A trailing
 * slash is forgiven (people paste `https://site.vn/`), anything else after the host is an error, because the
 * browser's Origin header never carries a path and such an entry would silently never match.
 */
export function parseOriginList(text: string): ParsedOrigins {
  const origins: string[] = [];
  const errors: OriginLineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const value = raw.trim();
    if (!value) return;
    const line = index + 1;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      errors.push({ line, value, problem: 'not_url' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      errors.push({ line, value, problem: 'not_web' });
      return;
    }
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password || /[?#]$/.test(value)) {
      errors.push({ line, value, problem: 'has_path' });
      return;
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  });
  if (origins.length > MAX_ORIGINS) errors.push({ line: 0, value: '', problem: 'too_many' });
  return { origins, errors };
}
