// Errors that end a run with exit code 2 (usage or configuration), as opposed to findings.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
