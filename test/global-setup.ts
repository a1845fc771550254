// Vitest global setup: generates every fixture from its definition into fixtures/generated/ once per test run.
import { DEFAULT_OUT, makeFixtures } from '../scripts/make-fixtures.js';

export default async function setup(): Promise<void> {
  await makeFixtures(DEFAULT_OUT);
}
