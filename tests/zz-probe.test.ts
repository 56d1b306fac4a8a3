import { expect, it } from 'vitest';
it.skip('skipped probe', () => expect(1).toBe(1));
it.todo('todo probe');
it.only('runs', () => expect(1).toBe(1));
