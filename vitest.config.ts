// Test runner configuration: tests live in test/, run against src/ (and the built bin for CLI tests).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // *.test-d.ts are type tests, checked by `tsc -p tsconfig.json` (npm test runs it before vitest): any type error,
    // or an expected-error directive that no longer errs, fails them; vitest's typecheck would only run tsc again
  },
});
