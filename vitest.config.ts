// Test configuration: real files from fixtures/ (copies of the public samples); long timeouts for PDF parsing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a ceiling against hangs, not a timing goal: CLI tests over whole folders take 10–20 s alone and far longer on a shared, loaded machine
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // the build's copy of pdf.js' worker half (scripts/pdf-worker.mjs) is loaded by Node as the original in
    // node_modules is: not put through Vite's transforms, which take tens of seconds on its 2 MB
    server: { deps: { external: [/\/dist\/pdfjs\//] } },
  },
});
