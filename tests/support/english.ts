import { readFileSync } from 'node:fs';

const messages: Record<string, { message: string }> = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));

/** The English text of a message, with $1…$9 filled in: what the tests' browser shows. */
export function english(key: string, ...substitutions: (string | number)[]): string {
  const entry = messages[key];
  if (!entry) throw new Error(`No English message "${key}"`);
  return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? '')));
}
