import { GATEWAY_FIELD_LABELS } from './fill-report';

/**
 * The Add Source settings a CTIA feed needs on the gateway: it is served over HTTPS, on port 443
 * unless its URL names another, and authenticates by its URL secret alone.
 */
export const GATEWAY_SETTINGS = {
  useHttps: true,
  pollingPort: 443,
  configureUserCredentials: false,
} as const;

/** The same settings as the gateway form words them. */
export const GATEWAY_SETTINGS_LABELS = [
  { label: GATEWAY_FIELD_LABELS.useHttps, value: yesNo(GATEWAY_SETTINGS.useHttps) },
  { label: GATEWAY_FIELD_LABELS.pollingPort, value: String(GATEWAY_SETTINGS.pollingPort) },
  { label: GATEWAY_FIELD_LABELS.configureUserCredentials, value: yesNo(GATEWAY_SETTINGS.configureUserCredentials) },
] as const;

function yesNo(value: boolean): 'Yes' | 'No' {
  return value ? 'Yes' : 'No';
}
