import { afterEach, beforeEach, expect } from 'vitest';
import { guardSubmissions, type SubmissionGuard } from './form-state';

/** Fails each test of the file in which the form was submitted, in any way (see guardSubmissions). */
export function failOnSubmission(): void {
  let guard: SubmissionGuard;
  beforeEach(() => {
    guard = guardSubmissions(window);
  });
  afterEach(() => {
    guard.stop();
    expect(guard.attempts, 'ways the form was submitted').toEqual([]);
  });
}
