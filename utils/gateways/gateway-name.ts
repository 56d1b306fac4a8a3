/** A gateway as the person names it: its host, with the port when not the default. */
export function gatewayName(origin: string): string {
  return URL.parse(origin)?.host ?? origin;
}
