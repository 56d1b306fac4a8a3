import { defineConfig } from 'vitest/config';
import config from './vitest.config';

// The unit project alone, for the mutation run: the mutants are tried against the unit tests, never
// against the end-to-end tests (a real browser per mutant), which `related` would otherwise pick.
const unit = config.test!.projects!.find((project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit');

export default defineConfig({ test: { projects: [unit!] } });
