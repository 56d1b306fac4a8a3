/**
 * The Add Source settings every CTIA feed needs on the gateway, whatever the feed:
 * the feed is served over HTTPS on the standard port and authenticates by its URL secret alone.
 */
export const GATEWAY_SETTINGS = {
  useHttps: true,
  pollingPort: 443,
  configureUserCredentials: false,
} as const;

/** The same settings as the gateway form words them. */
export const GATEWAY_SETTINGS_LABELS = [
  { label: 'Use HTTPS', value: yesNo(GATEWAY_SETTINGS.useHttps) },
  { label: 'Polling Port', value: String(GATEWAY_SETTINGS.pollingPort) },
  { label: 'Configure User Credentials', value: yesNo(GATEWAY_SETTINGS.configureUserCredentials) },
] as const;

function yesNo(value: boolean): 'Yes' | 'No' {
  return value ? 'Yes' : 'No';
}
