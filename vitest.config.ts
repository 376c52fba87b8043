// Test configuration: real files from fixtures/ (copies of the public samples); long timeouts for PDF parsing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a ceiling against hangs, not a timing goal: CLI tests over whole folders take 10–20 s alone and far longer on a shared, loaded machine
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
