// The command line: parses argv, runs a command, returns the exit code (0 ok, 1 findings, 2 usage/config error).
import { Command, CommanderError, Help, type Argument, type Option } from 'commander';
import { cliLang, localiseError } from '../i18n/cli.js';
import { translatePlaceholders, type HelpTexts } from '../i18n/labels.js';
import { labelsFor } from '../i18n/languages.js';
import { UsageError } from '../errors.js';
import { terminalSafe } from '../report/escape.js';
import { VERSION } from '../version.js';
import { processIo, type Io } from './io.js';
import { WriteError } from './safe-write.js';
import { register as registerCheck } from './commands/check.js';
import { register as registerPools } from './commands/pools.js';
import { register as registerRules } from './commands/rules.js';
import { register as registerTemplate } from './commands/template.js';
import { register as registerWeb } from './commands/web.js';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const setCode = (c: number) => {
    code = c;
  };
  const lang = cliLang(argv.slice(2));
  const help = labelsFor(lang).cli.help;
  const program = new Command();
  program
    .name('budgettjek')
    .description('Checks the budget and accounts spreadsheets of Danish public grant pools (Socialstyrelsen / Social- og Boligstyrelsen).')
    .version(VERSION, '-V, --version', help?.options['--version'] ?? 'output the version number')
    .helpOption('-h, --help', help?.options['--help'] ?? 'display help for command')
    .helpCommand('help [command]', help?.commands.help ?? 'display help for command')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`${localiseError(s.replace(/\n$/, ''), lang)}\n`),
    })
    .showHelpAfterError();
  if (help) program.configureHelp(translatedHelp(help));
  registerCheck(program, io, setCode);
  registerRules(program, io);
  registerPools(program, io);
  registerTemplate(program, io, setCode);
  registerWeb(program, io, setCode);
  // commands: one register line per command file above.
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError || e instanceof WriteError) {
      io.stderr(`budgettjek: ${terminalSafe(localiseError(e.message, lang))}\n`); // a message may quote workbook text
      return 2;
    }
    throw e;
  }
  return code;
}

/** The path of a command below the program ("check", "pools show"). */
function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Commander's help in another language: headings, usage words and placeholders, and each text looked up in the language's help table. */
function translatedHelp(texts: HelpTexts): Partial<Help> {
  let current = '';
  const translateWords = (s: string) => translatePlaceholders(s, texts.words);
  const base = Help.prototype;
  const extras = (s: string) =>
    s
      .replace(/\((choices|default|preset|env): /g, (m) => `(${texts.extras[m.slice(1)]}`)
      .replace(/, (choices|default|preset|env): /g, (m) => `, ${texts.extras[m.slice(2)]}`);
  return {
    formatHelp(cmd: Command, helper: Help): string {
      current = pathOf(cmd);
      return base.formatHelp.call(this, cmd, helper);
    },
    styleTitle: (s: string) => texts.titles[s] ?? s,
    commandUsage(cmd: Command): string {
      return translateWords(base.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd: Command): string {
      return translateWords(base.subcommandTerm.call(this, cmd));
    },
    optionTerm: (o: Option) => translateWords(o.flags),
    argumentTerm: (a: Argument) => translateWords(`<${a.name()}>`).slice(1, -1),
    commandDescription(cmd: Command): string {
      const p = pathOf(cmd);
      return p ? (texts.commands[p] ?? cmd.description()) : texts.program;
    },
    subcommandDescription(cmd: Command): string {
      return texts.commands[pathOf(cmd)] ?? base.subcommandDescription.call(this, cmd);
    },
    optionDescription(o: Option): string {
      const text = base.optionDescription.call(this, o);
      const key = o.long ?? o.short ?? '';
      const tr = texts.options[`${current} ${key}`] ?? texts.options[key];
      return extras(tr && o.description && text.startsWith(o.description) ? tr + text.slice(o.description.length) : text);
    },
    argumentDescription(a: Argument): string {
      const text = base.argumentDescription.call(this, a);
      const tr = texts.args[`${current} ${a.name()}`];
      return extras(tr && a.description && text.startsWith(a.description) ? tr + text.slice(a.description.length) : text);
    },
  };
}
