/** The longest feed title kept: more than the console shows, so a real title is never cut. */
export const MAX_FEED_TITLE = 200;
