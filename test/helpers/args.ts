// A finding's args as plain data, for a test that reads one arg of findings of any rule (the type of `args` depends on
// the rule id, which such a test does not narrow).
export function argsOf(f: { args?: object } | undefined): Readonly<Record<string, unknown>> | undefined {
  return f?.args as Readonly<Record<string, unknown>> | undefined;
}
