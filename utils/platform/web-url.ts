/** `url` parsed, when it is an http or https page's; null for anything else (or nothing). */
export function webUrl(url: string | undefined): URL | null {
  const parsed = url ? URL.parse(url) : null;
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed : null;
}
