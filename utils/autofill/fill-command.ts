/**
 * The keyboard command that fills the Add Source form with the feed the person chose last. Its id
 * keeps the name it shipped with: people's own shortcut bindings are stored under it.
 */
export const FILL_COMMAND = 'autofill-newest-feed';
