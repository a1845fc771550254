// `budgettjek rules` (the catalogue) and `budgettjek explain <rule-id>` (why a rule exists, its source, how to fix).
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../errors.js';
import { ruleText } from '../../i18n/index.js';
import { labelsFor, LANGS } from '../../i18n/languages.js';
import { RULES } from '../../rules/index.js';
import { familyOf } from '../../rules/types.js';
import type { Lang } from '../../types.js';
import type { Io } from '../io.js';

export function catalogue() {
  return RULES.map((r) => {
    const t = ruleText(r.id);
    return { id: r.id, family: familyOf(r.id), severity: r.severity, description: { da: t.title.da, en: t.title.en } };
  });
}

/** The catalogue as a Markdown table (README.md carries it; a test keeps the two in step). */
export function catalogueMarkdown(): string {
  const rows = catalogue().map((r) => `| \`${r.id}\` | ${r.severity} | ${r.description.en} | ${r.description.da} |`);
  return ['| rule | default severity | description | beskrivelse |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

export function register(program: Command, io: Io): void {
  program
    .command('rules')
    .description('list every rule: id, family, default severity, description')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('-l, --lang <lang>', 'language').choices(LANGS).default('da'))
    .action((opts: { format: string; lang: Lang }) => {
      const cat = catalogue();
      if (opts.format === 'json') {
        io.stdout(JSON.stringify(cat, null, 2) + '\n');
        return;
      }
      const w = Math.max(...cat.map((r) => r.id.length));
      const sev = labelsFor(opts.lang).severity;
      for (const r of cat) io.stdout(`${r.id.padEnd(w)}  ${sev[r.severity].padEnd(8)}  ${r.description[opts.lang]}\n`);
    });

  program
    .command('explain')
    .description('explain one rule: why it exists, its source, how to fix a finding')
    .argument('<rule-id>', 'e.g. distribution/sum-mismatch')
    .addOption(new Option('-l, --lang <lang>', 'language').choices(LANGS).default('da'))
    .action((id: string, opts: { lang: Lang }) => {
      const rule = RULES.find((r) => r.id === id);
      const t = rule ? ruleText(rule.id) : undefined;
      if (!rule || !t) {
        const near = RULES.filter((r) => r.id.includes(id.split('/').pop() ?? id)).map((r) => r.id);
        throw new UsageError(`unknown rule "${id}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see \`budgettjek rules\``);
      }
      const lang = opts.lang;
      const hint = t.hint ? (typeof t.hint[lang] === 'string' ? t.hint[lang] : '') : '';
      const L = labelsFor(lang).explain;
      io.stdout(
        `${rule.id} — ${t.title[lang]}\n\n${L.severity}: ${labelsFor(lang).severity[rule.severity]}\n\n${L.why}: ${t.why[lang]}\n\n${L.source}: ${t.source}\n${hint ? `\n${L.fix}: ${hint}\n` : ''}`,
      );
    });
}
