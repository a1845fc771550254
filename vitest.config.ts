// Test runner configuration: tests live in test/, run against src/ (and the built bin for CLI tests).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // *.test-d.ts are type tests: vitest runs tsc on them (an unused @ts-expect-error, or any type error, fails them)
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
