// `budgettjek pools` (the built-in pools), `pools show <id|file>` (one, each figure with its sources) and
// `pools init -o file.yaml` (a commented profile skeleton for another funder).
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../errors.js';
import { labelsFor, LANGS } from '../../i18n/languages.js';
import { LOCALES } from '../../i18n/locale.js';
import { categoryLabel } from '../../itemise/index.js';
import { builtinPools, findBuiltinPool, inheritedFields, storedProfile, type PoolProfile } from '../../pools/index.js';
import { loadPool } from '../../pools/load.js';
import type { Lang } from '../../types.js';
import type { Io } from '../io.js';
import { writeFileAtomic } from '../safe-write.js';
import { profileSkeleton } from './pool-skeleton.js';

/** An amount in kroner the language's way ("1.500.000 kr.", "1,500,000 kr."). */
const krIn = (lang: Lang) => (n: number | undefined) => (n === undefined ? '–' : `${n.toLocaleString(LOCALES[lang].tag)} kr.`);
const pct = (n: number, lang: Lang) => `${String(n).replace('.', labelsFor(lang).decimal)} %`;
const periodText = (p: PoolProfile, lang: Lang) => (p.period ? `${p.period.start} – ${p.period.end}` : labelsFor(lang).pools.unknownPeriod);

function row(p: PoolProfile, lang: Lang): string[] {
  const kr = krIn(lang);
  const t = labelsFor(lang).pools;
  const caps = [
    p.annualCap !== undefined ? `${t.year} ${kr(p.annualCap)}` : '',
    p.application.max !== undefined ? `max ${kr(p.application.max)}` : '',
    p.application.min !== undefined ? `min ${kr(p.application.min)}` : '',
    p.applicants.maxPerApplicant !== undefined ? `${t.perApplicant} ${kr(p.applicants.maxPerApplicant)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    p.id,
    t.englishName ? (p.nameEn ?? p.name) : p.name,
    kr(p.funds),
    periodText(p, lang),
    t.applicantTypes[p.applicants.type],
    caps || '–',
    p.vatEligible ? t.yes : t.no,
  ];
}

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => Math.min(60, r[i].length))));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => (c.length > 60 ? c.slice(0, 59) + '…' : c).padEnd(w[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** The ids of the sources that back a field: a source's `covers` names it by path or by its last part. */
function sourcesOf(p: PoolProfile, ...keys: string[]): string {
  const leaf = (k: string) => k.split('.').at(-1)!;
  const ids = p.sources
    .filter((s) =>
      s.covers.some((c) =>
        keys.some((k) => {
          const head = c.split(/[\s:]/)[0];
          return head === k || head === leaf(k) || head.startsWith(`${k}.`);
        }),
      ),
    )
    .map((s) => s.id);
  return ids.length ? ` [${[...new Set(ids)].join(', ')}]` : '';
}

export function showPool(p: PoolProfile, lang: Lang): string {
  const kr = krIn(lang);
  const L = labelsFor(lang);
  const w = L.pools.show;
  const t = p.thresholds;
  const yes = (b: boolean) => (b ? L.pools.yes : L.pools.no);
  const national = new Set(inheritedFields(p));
  const nat = (f: string) => (national.has(f) ? ` (${w.nationalData})` : '');
  const s = (...keys: string[]) => sourcesOf(p, ...keys);
  const overhead =
    p.overhead === 'none'
      ? w.overheadNone
      : `${w.atMost} ${pct(p.overhead.percent, lang)} ${w.of} ${p.overhead.base === 'salaries' ? w.salaries : w.directCosts}`;
  const cof = p.coFinancing;
  const coFinancing =
    [
      cof?.subsidyPercent !== undefined ? `${w.subsidyAtMost} ${pct(cof.subsidyPercent, lang)} ${w.ofExpenses}` : '',
      cof?.minOwnSharePercent !== undefined ? `${w.ownShareAtLeast} ${pct(cof.minOwnSharePercent, lang)}` : '',
    ]
      .filter(Boolean)
      .join('; ') || w.noRequirement;
  const vat = p.vatEligible ? w.vatYes : w.vatNo;
  const lines = [
    `${p.id} — ${L.pools.englishName ? (p.nameEn ?? p.name) : p.name}`,
    '',
    `${w.funds}: ${kr(p.funds)}${s('funds')}${p.financeLawAccount ? ` (${p.financeLawAccount}${s('financeLawAccount')})` : ''}`,
    `${w.period}: ${periodText(p, lang)}${p.period ? s('period') : ` (${w.periodOpen})`}`,
    `${w.distributedBy}: ${p.granularity === 'quarter' ? w.quarters : w.months}${s('granularity')}`,
    ...(p.deadline ? [`${w.deadline}: ${p.deadline}${s('deadline')}`] : []),
    `${w.applicants}: ${L.pools.applicantTypes[p.applicants.type]}${p.applicants.named.length ? ` (${p.applicants.named.join(', ')})` : ''}${p.applicants.description ? ` — ${p.applicants.description}` : ''}${s('applicants')}`,
    `${w.oneGrant}: ${yes(p.applicants.oneGrantPerApplicant)}${p.applicants.oneGrantPerApplicant ? s('applicants.oneGrantPerApplicant') : ''}`,
    `${w.maxPerApplicant}: ${kr(p.applicants.maxPerApplicant)}${p.applicants.maxPerApplicant !== undefined ? s('applicants.maxPerApplicant') : ''}`,
    `${w.vatEligible}: ${vat}${s('vatEligible')}`,
    ...(p.applicants.type === 'association' ? [`  ${w.vatCompensation}${s('momskompensation')}`] : []),
    ...(p.fondsmomsPercent !== undefined ? [`${w.fondsmoms}: ${pct(p.fondsmomsPercent, lang)}${s('fondsmomsPercent')}`] : []),
    `${w.annualCap}: ${kr(p.annualCap)}${p.annualCap !== undefined ? s('annualCap') : ''}`,
    `${w.perApplication}: min ${kr(p.application.min)}, max ${kr(p.application.max)}${p.application.min !== undefined || p.application.max !== undefined ? s('application') : ''}`,
    `${w.coFinancing}: ${coFinancing}${cof ? s('coFinancing') : ''}`,
    `Overhead: ${overhead}${s('overhead')}`,
    '',
    `${w.equipment}: ${w.atMost} ${kr(t.equipmentPerYear)} ${w.perProjectYear}${s('thresholds.equipmentPerYear')}; ${w.keepUpTo} ${kr(t.equipmentKeepWithoutApproval)}${s('thresholds.equipmentKeepWithoutApproval')}`,
    `${w.noteAbove}: ${kr(t.noteAbove)}${s('thresholds.noteAbove')}`,
    `${w.deviations}: ${w.over} ${pct(t.deviationPercent, lang)}${s('thresholds.deviationPercent')} ${t.deviationAmount === null ? '' : `${w.or} ${kr(t.deviationAmount)}${s('thresholds.deviationAmount')}`} ${p.deviation.per === 'post' ? w.perPost : w.perMainLine} ${w.needApproval}${s('deviation.per')}; ${w.salaryLineChanges}: ${yes(p.deviation.salaryLineChanges)}${s('deviation.salaryLineChanges')}; ${w.newPosts}: ${yes(p.deviation.newPosts)}${s('deviation.newPosts')}`,
    `${w.repayFrom}: ${kr(t.repayDeMinimis)}${s('thresholds.repayDeMinimis')}`,
    `${w.audit}${s('audit')}: ${p.audit.map((a) => `${w.over} ${kr(a.above)}: ${a.description ?? L.pools.auditRequirements[a.requirement]}`).join('; ')}`,
    `${w.lumpSumTerms}${nat('lumpSumTerms')}: ${p.lumpSumTerms.join(', ')}${s('lumpSumTerms')}`,
    `${w.notEligible}${nat('ineligibleCategories')}: ${p.ineligibleCategories
      .filter((c) => !(c === 'vat' && p.vatEligible))
      .map((c) => categoryLabel(c, lang))
      .join(', ')}${s('ineligibleCategories')}`,
    `${w.mileageRates}${nat('mileageRates')}:`,
    ...p.mileageRates.map((r) => `  ${r.from} ${r.rate.toFixed(2).replace('.', L.decimal)} kr./km — ${r.source}`),
    '',
    `${w.sources}:`,
    ...p.sources.map(
      (x) => `  [${x.id}] ${x.title}${x.url ? `\n       ${x.url}` : ''}${x.covers.length ? `\n       ${w.covers}: ${x.covers.join(', ')}` : ''}`,
    ),
    ...(p.notes.length ? ['', ...p.notes.map((n) => `${w.note}: ${n}`)] : []),
  ];
  return lines.join('\n') + '\n';
}

/** A built-in id, or a profile file (.json/.yaml) validated like one. */
async function poolArg(idOrFile: string): Promise<PoolProfile> {
  const p = findBuiltinPool(idOrFile);
  if (p) return p;
  if (!['.json', '.yaml', '.yml'].includes(extname(idOrFile).toLowerCase())) {
    throw new UsageError(
      `unknown pool "${idOrFile}" (built-in pools: ${builtinPools()
        .map((x) => x.id)
        .join(', ')}; or give a .json/.yaml profile file)`,
    );
  }
  return loadPool(idOrFile);
}

export function register(program: Command, io: Io): void {
  const pools = program
    .command('pools')
    .description('list the built-in pools (id, name, funds, period, applicants, caps)')
    .addOption(new Option('-f, --format <format>', 'output format (default text)').choices(['text', 'json']))
    .addOption(new Option('-l, --lang <lang>', 'language (default da)').choices(LANGS))
    .action((o: { format?: string; lang?: Lang }) => {
      const opts = { format: o.format ?? 'text', lang: o.lang ?? ('da' as Lang) };
      const all = builtinPools();
      if (opts.format === 'json') return io.stdout(JSON.stringify(all.map(storedProfile), null, 2) + '\n');
      io.stdout(table([labelsFor(opts.lang).pools.columns, ...all.map((p) => row(p, opts.lang))]));
    });
  pools
    .command('show')
    .description('show one pool, built-in or a profile file, each figure with its sources (json: the profile as stored, to start your own from)')
    .argument('<id|file>', 'pool id or profile file (.json/.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format (default text)').choices(['text', 'json']))
    .addOption(new Option('-l, --lang <lang>', 'language (default da)').choices(LANGS))
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      // Options may be given before or after "show": take them from either.
      const opts = cmd.optsWithGlobals() as { format?: string; lang?: Lang };
      const p = await poolArg(id);
      io.stdout(opts.format === 'json' ? JSON.stringify(storedProfile(p), null, 2) + '\n' : showPool(p, opts.lang ?? 'da'));
    });
  pools
    .command('init')
    .description('write a commented pool profile skeleton (YAML) for another funder: every field, its default and what it means')
    .requiredOption('-o, --output <file>', 'the profile to write (.yaml)')
    .option('--force', 'overwrite the output file')
    .addOption(new Option('-l, --lang <lang>', 'language (default da)').choices(LANGS))
    .action((_o: unknown, cmd: Command) => {
      // --lang may be given before or after "init": take it from either.
      const o = cmd.optsWithGlobals() as { output: string; force?: boolean; lang?: Lang };
      if (!['.yaml', '.yml'].includes(extname(o.output).toLowerCase())) throw new UsageError(`pools init writes YAML: name the file .yaml (not ${o.output})`);
      if (existsSync(o.output) && !o.force) throw new UsageError(`${o.output} exists; use --force to overwrite it`);
      const id =
        basename(o.output, extname(o.output))
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'min-pulje';
      writeFileAtomic(o.output, profileSkeleton(id));
      io.stderr(`${labelsFor(o.lang ?? 'da').cli.profileWritten(o.output, id)}\n`);
    });
}
