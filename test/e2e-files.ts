// Which test files are end-to-end (vitest.config.ts's `e2e` project); every other test file is `unit`.

/**
 * The end-to-end tests: each starts the CLI (in a process or in-process over whole folders), LibreOffice or OCR, or
 * reads and mutates many real documents; a file that does none of these belongs to `unit`.
 */
export const E2E = [
  'test/annotate.test.ts', // the CLI in a process, LibreOffice for the review copies' renderings
  'test/annotate-cli.test.ts', // review copies through the built CLI: folders, names, legacy conversions, scans
  'test/batch-workers.test.ts', // a batch through one worker and through two
  'test/check-corpus.test.ts', // every corpus fixture through the pipeline
  'test/corpus.test.ts', // every fixture read whole: numbering, and every finding rendered
  'test/cli-batch.test.ts', // worker pools and time limits through the built CLI
  'test/cli-config.test.ts', // configuration files through the built CLI
  'test/cli-output.test.ts',
  'test/cli-output-paths.test.ts', // -o checked before the run, /dev/full, closed pipes
  'test/cli-pipelines.test.ts', // find -print0, empty folders, symlink loops
  'test/cli-read.test.ts',
  'test/cli-ux.test.ts',
  'test/worker-v8-flags.test.ts', // the built CLI's stderr, and --v8-options of the running Node
  'test/cross-file.test.ts', // folders of a unit's files built from the fixtures, through the built CLI
  'test/docs.test.ts', // the README's commands run
  'test/extract-cli.test.ts',
  'test/findings-once.test.ts', // findings through the built CLI: one cause once, locations, schemaVersion, wording
  'test/forms-cross-format.test.ts', // every form in xlsx, docx and PDF through the pipeline
  'test/fresh-clone.test.ts', // git clone, npm ci, npm pack
  'test/fuzz.test.ts', // thousands of mutated files through the built CLI
  'test/hostile.test.ts', // every hostile file through the built CLI too
  'test/legacy.test.ts', // LibreOffice
  'test/mutation.test.ts', // real reports mutated and checked, docx and PDF
  'test/mutation-forms.test.ts',
  'test/mutation-prose.test.ts',
  'test/mutation-prose-de.test.ts',
  'test/ocr.test.ts', // tesseract
  'test/ocr-samples.test.ts', // tesseract over every page of two scanned samples
  'test/ofd-samples.test.ts', // samples laid out as OFD five ways, each through reader, model and checks
  'test/ocr-unavailable.test.ts',
  'test/prose.test.ts', // the fixtures' prose in docx, PDF and embedded workbooks
  'test/scale-out.test.ts', // thousands of files through the worker pool
  'test/tables-arithmetic.test.ts', // table fixtures in three formats, mutated and checked
  'test/tables-reports2.test.ts', // the second set's tables through the pipeline
  'test/workbook-summary.test.ts', // the workbook of real reports through the built CLI
];
