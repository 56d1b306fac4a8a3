import { fakeBrowser } from 'wxt/testing/fake-browser';
import { english } from '../support/english';

/** The fake browser answers i18n in English, filling $1…$9 as Chrome does; unknown keys give ''. */
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  try {
    return english(key, ...values);
  } catch {
    return '';
  }
}) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
