/** The keyboard command that fills the Add Source form with the newest captured feed. */
export const AUTOFILL_COMMAND = 'autofill-newest-feed';
