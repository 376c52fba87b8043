// Test configuration: two projects. `unit` starts no process, LibreOffice or OCR and runs in seconds
// (`npm run test:unit`, the inner loop); `e2e` runs the built CLI, LibreOffice, OCR, a fresh clone and the slow
// real-file mutation runs. `npm test` builds and runs both. Real files come from fixtures/ and test/data/.
import { defineConfig } from 'vitest/config';
import { E2E } from './test/e2e-files.js';

export default defineConfig({
  test: {
    // a ceiling against hangs, not a timing goal: CLI tests over whole folders take 10–20 s alone and far longer on a shared, loaded machine
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // the build's copy of pdf.js' worker half (scripts/pdf-worker.mjs) is loaded by Node as the original in
    // node_modules is: not put through Vite's transforms, which take tens of seconds on its 2 MB
    server: { deps: { external: [/\/dist\/pdfjs\//] } },
    projects: [
      // unit files share their workers' module cache (isolate: false): importing the grammars, pdf.js and exceljs once
      // per worker, not once per file, is most of what makes the inner loop take seconds rather than a minute
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, isolate: false } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
