import type { SourceMistake, SourceMistakeCode } from '../gateway/source-check';
import { t, type MessageKey } from './i18n';

/** The mistakes whose words name no value. */
const MISTAKE_MESSAGES: Record<Exclude<SourceMistakeCode, 'port-in-hostname' | 'wrong-port'>, MessageKey> = {
  'host-missing': 'sourceCheckHostMissing',
  'url-in-hostname': 'sourceCheckUrlInHostname',
  'scheme-in-hostname': 'sourceCheckSchemeInHostname',
  'user-in-hostname': 'sourceCheckUserInHostname',
  'path-not-feed': 'sourceCheckPathNotFeed',
  'url-in-path': 'sourceCheckUrlInPath',
  'query-in-path': 'sourceCheckQueryInPath',
  'txt-view': 'sourceCheckTxtView',
  'view-missing': 'sourceCheckViewMissing',
  'judgements-output': 'sourceCheckJudgements',
  'secret-missing': 'sourceCheckSecretMissing',
  'url-in-collection-name': 'sourceCheckUrlInCollectionName',
  's-in-collection-name': 'sourceCheckSInCollectionName',
  'secret-malformed': 'sourceCheckSecretMalformed',
  'secret-differs': 'sourceCheckSecretDiffers',
  'https-not-yes': 'sourceCheckHttpsNotYes',
  'credentials-yes': 'sourceCheckCredentialsYes',
};

/** What the admin reads beside the field of a feed source's mistake: what is wrong and what to do. Never the secret. */
export function describeSourceMistake(mistake: SourceMistake): string {
  switch (mistake.code) {
    case 'port-in-hostname':
      return t('sourceCheckPortInHostname', mistake.port);
    case 'wrong-port':
      return t('sourceCheckWrongPort', mistake.port);
    default:
      return t(MISTAKE_MESSAGES[mistake.code]);
  }
}
