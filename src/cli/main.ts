// The command line: parses argv, runs a command, returns the exit code (0 ok, 1 findings, 2 usage/config error).
import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { terminalSafe } from '../report/escape.js';
import { VERSION } from '../version.js';
import { processIo, type Io } from './io.js';
import { WriteError } from './safe-write.js';
import { register as registerCheck } from './commands/check.js';
import { register as registerPools } from './commands/pools.js';
import { register as registerRules } from './commands/rules.js';
import { register as registerTemplate } from './commands/template.js';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const setCode = (c: number) => {
    code = c;
  };
  const program = new Command();
  program
    .name('budgettjek')
    .description('Checks the budget and accounts spreadsheets of Danish public grant pools (Socialstyrelsen / Social- og Boligstyrelsen).')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();
  registerCheck(program, io, setCode);
  registerRules(program, io);
  registerPools(program, io);
  registerTemplate(program, io, setCode);
  // commands: one register line per command file above.
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError || e instanceof WriteError) {
      io.stderr(`budgettjek: ${terminalSafe(e.message)}\n`); // a message may quote workbook text
      return 2;
    }
    throw e;
  }
  return code;
}
