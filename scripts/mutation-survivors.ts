// Mutants that no unit test kills and may stay, each with why: equivalent (no behaviour tells it
// apart) or shown only in a real browser (the end-to-end test that does). Keyed by the file, the
// mutated code and its replacement as MUTATION.md shows them, not by line, so an entry holds while
// the code around it moves.
export interface ExplainedSurvivor {
  file: string;
  code: string;
  replacement: string;
  why: string;
}

export const EXPLAINED_SURVIVORS: ExplainedSurvivor[] = [];
