// `budgettjek pools` (the built-in pools), `pools show <id|file>` (one, each figure with its sources) and
// `pools init -o file.yaml` (a commented profile skeleton for another funder).
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../errors.js';
import { categoryLabel } from '../../itemise/index.js';
import { builtinPools, findBuiltinPool, inheritedFields, storedProfile, type PoolProfile } from '../../pools/index.js';
import { loadPool } from '../../pools/load.js';
import type { Lang } from '../../types.js';
import type { Io } from '../io.js';
import { writeFileAtomic } from '../safe-write.js';
import { profileSkeleton } from './pool-skeleton.js';

const kr = (n: number | undefined) => (n === undefined ? '–' : `${n.toLocaleString('da-DK')} kr.`);
const pct = (n: number, lang: Lang) => `${String(n).replace('.', lang === 'da' ? ',' : '.')} %`;
const APPLICANTS = {
  da: { municipality: 'kommuner', association: 'foreninger', organisation: 'organisationer', partnership: 'partnerskaber', any: 'alle' },
  en: { municipality: 'municipalities', association: 'associations', organisation: 'organisations', partnership: 'partnerships', any: 'anyone' },
};
const AUDIT = {
  da: {
    declaration: 'tro og love-erklæring',
    'independent-accountant': 'uafhængig regnskabskyndig',
    'registered-auditor': 'registreret/statsautoriseret revisor',
    'performance-audit': 'også forvaltningsrevision',
  },
  en: {
    declaration: 'a declaration on honour',
    'independent-accountant': 'an independent person skilled in accounts',
    'registered-auditor': 'a registered or state-authorised auditor',
    'performance-audit': 'also a performance audit',
  },
};

const periodText = (p: PoolProfile, lang: Lang) => (p.period ? `${p.period.start} – ${p.period.end}` : lang === 'da' ? 'ukendt' : 'unknown');

function row(p: PoolProfile, lang: Lang): string[] {
  const caps = [
    p.annualCap !== undefined ? `${lang === 'da' ? 'år' : 'year'} ${kr(p.annualCap)}` : '',
    p.application.max !== undefined ? `max ${kr(p.application.max)}` : '',
    p.application.min !== undefined ? `min ${kr(p.application.min)}` : '',
    p.applicants.maxPerApplicant !== undefined ? `${lang === 'da' ? 'pr. ansøger' : 'per applicant'} ${kr(p.applicants.maxPerApplicant)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    p.id,
    lang === 'en' ? (p.nameEn ?? p.name) : p.name,
    kr(p.funds),
    periodText(p, lang),
    APPLICANTS[lang][p.applicants.type],
    caps || '–',
    p.vatEligible ? (lang === 'da' ? 'ja' : 'yes') : lang === 'da' ? 'nej' : 'no',
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
  const da = lang === 'da';
  const t = p.thresholds;
  const yes = (b: boolean) => (b ? (da ? 'ja' : 'yes') : da ? 'nej' : 'no');
  const national = new Set(inheritedFields(p));
  const nat = (f: string) => (national.has(f) ? (da ? ' (nationale data)' : ' (national data)') : '');
  const s = (...keys: string[]) => sourcesOf(p, ...keys);
  const overhead =
    p.overhead === 'none'
      ? da
        ? 'ikke tilladt (en samlepost)'
        : 'not allowed (a lump sum)'
      : `${da ? 'højst' : 'at most'} ${pct(p.overhead.percent, lang)} ${da ? 'af' : 'of'} ${p.overhead.base === 'salaries' ? (da ? 'lønudgifterne' : 'salaries') : da ? 'de direkte udgifter' : 'direct costs'}`;
  const cof = p.coFinancing;
  const coFinancing =
    [
      cof?.subsidyPercent !== undefined
        ? `${da ? 'tilskud højst' : 'subsidy at most'} ${pct(cof.subsidyPercent, lang)} ${da ? 'af udgifterne' : 'of expenses'}`
        : '',
      cof?.minOwnSharePercent !== undefined ? `${da ? 'egenfinansiering mindst' : 'own share at least'} ${pct(cof.minOwnSharePercent, lang)}` : '',
    ]
      .filter(Boolean)
      .join('; ') || (da ? 'intet krav' : 'no requirement');
  const vat = p.vatEligible
    ? da
      ? 'ja, hvor modtageren selv bærer momsen'
      : 'yes, where the recipient bears it'
    : da
      ? 'nej (budget ekskl. moms)'
      : 'no (budget ex. VAT)';
  const lines = [
    `${p.id} — ${da ? p.name : (p.nameEn ?? p.name)}`,
    '',
    `${da ? 'Midler' : 'Funds'}: ${kr(p.funds)}${s('funds')}${p.financeLawAccount ? ` (${p.financeLawAccount}${s('financeLawAccount')})` : ''}`,
    `${da ? 'Projektperiode' : 'Project period'}: ${periodText(p, lang)}${p.period ? s('period') : da ? ' (ansøgningens egen periode afgrænser tjekkene)' : " (the application's own period bounds the checks)"}`,
    `${da ? 'Budgettet fordeles på' : 'Budget distributed by'}: ${p.granularity === 'quarter' ? (da ? 'kvartaler (et månedsbudget opfylder det også)' : 'quarters (a monthly budget satisfies it too)') : da ? 'måneder' : 'months'}${s('granularity')}`,
    ...(p.deadline ? [`${da ? 'Ansøgningsfrist' : 'Deadline'}: ${p.deadline}${s('deadline')}`] : []),
    `${da ? 'Ansøgere' : 'Applicants'}: ${APPLICANTS[lang][p.applicants.type]}${p.applicants.named.length ? ` (${p.applicants.named.join(', ')})` : ''}${p.applicants.description ? ` — ${p.applicants.description}` : ''}${s('applicants')}`,
    `${da ? 'Ét tilskud pr. ansøger' : 'One grant per applicant'}: ${yes(p.applicants.oneGrantPerApplicant)}${p.applicants.oneGrantPerApplicant ? s('applicants.oneGrantPerApplicant') : ''}`,
    `${da ? 'Højst pr. ansøger' : 'Most per applicant'}: ${kr(p.applicants.maxPerApplicant)}${p.applicants.maxPerApplicant !== undefined ? s('applicants.maxPerApplicant') : ''}`,
    `${da ? 'Moms støtteberettiget' : 'VAT eligible'}: ${vat}${s('vatEligible')}`,
    ...(p.applicants.type === 'association'
      ? [
          da
            ? '  Foreninger kan få delvis momskompensation; tjek, om puljen vil have den fratrukket.' + s('momskompensation')
            : '  Associations may get partial VAT compensation (momskompensation); check whether the pool wants it deducted.' + s('momskompensation'),
        ]
      : []),
    ...(p.fondsmomsPercent !== undefined
      ? [`${da ? 'Fondsmoms for kommuner' : 'Fondsmoms for municipalities'}: ${pct(p.fondsmomsPercent, lang)}${s('fondsmomsPercent')}`]
      : []),
    `${da ? 'Årligt loft' : 'Annual cap'}: ${kr(p.annualCap)}${p.annualCap !== undefined ? s('annualCap') : ''}`,
    `${da ? 'Pr. ansøgning' : 'Per application'}: min ${kr(p.application.min)}, max ${kr(p.application.max)}${p.application.min !== undefined || p.application.max !== undefined ? s('application') : ''}`,
    `${da ? 'Medfinansiering' : 'Co-financing'}: ${coFinancing}${cof ? s('coFinancing') : ''}`,
    `Overhead: ${overhead}${s('overhead')}`,
    '',
    `${da ? 'Anskaffelser' : 'Equipment'}: ${da ? 'højst' : 'at most'} ${kr(t.equipmentPerYear)} ${da ? 'pr. projektår' : 'per project year'}${s('thresholds.equipmentPerYear')}; ${da ? 'må beholdes uden godkendelse op til' : 'may be kept without approval up to'} ${kr(t.equipmentKeepWithoutApproval)}${s('thresholds.equipmentKeepWithoutApproval')}`,
    `${da ? 'Budgetnote over' : 'Budget note above'}: ${kr(t.noteAbove)}${s('thresholds.noteAbove')}`,
    `${da ? 'Afvigelser i regnskabet' : 'Deviations in the accounts'}: ${da ? 'over' : 'over'} ${pct(t.deviationPercent, lang)}${s('thresholds.deviationPercent')} ${t.deviationAmount === null ? '' : `${da ? 'eller' : 'or'} ${kr(t.deviationAmount)}${s('thresholds.deviationAmount')}`} ${p.deviation.per === 'post' ? (da ? 'pr. post' : 'per post') : da ? 'pr. hovedpost' : 'per main line'} ${da ? 'kræver godkendelse' : 'need approval'}${s('deviation.per')}; ${da ? 'enhver ændring af en lønpost' : 'any change to a salary line'}: ${yes(p.deviation.salaryLineChanges)}${s('deviation.salaryLineChanges')}; ${da ? 'en ny post altid' : 'a new post always'}: ${yes(p.deviation.newPosts)}${s('deviation.newPosts')}`,
    `${da ? 'Tilbagebetaling fra' : 'Repayment from'}: ${kr(t.repayDeMinimis)}${s('thresholds.repayDeMinimis')}`,
    `${da ? 'Revision' : 'Audit'}${s('audit')}: ${p.audit.map((a) => `${da ? 'over' : 'over'} ${kr(a.above)}: ${a.description ?? AUDIT[lang][a.requirement]}`).join('; ')}`,
    `${da ? 'Samleposter' : 'Lump-sum terms'}${nat('lumpSumTerms')}: ${p.lumpSumTerms.join(', ')}${s('lumpSumTerms')}`,
    `${da ? 'Ikke støtteberettiget' : 'Not eligible'}${nat('ineligibleCategories')}: ${p.ineligibleCategories
      .filter((c) => !(c === 'vat' && p.vatEligible))
      .map((c) => categoryLabel(c, lang))
      .join(', ')}${s('ineligibleCategories')}`,
    `${da ? 'Kilometertakster (statens lave)' : 'Mileage rates (state low rate)'}${nat('mileageRates')}:`,
    ...p.mileageRates.map((r) => `  ${r.from} ${r.rate.toFixed(2).replace('.', da ? ',' : '.')} kr./km — ${r.source}`),
    '',
    `${da ? 'Kilder' : 'Sources'}:`,
    ...p.sources.map(
      (x) =>
        `  [${x.id}] ${x.title}${x.url ? `\n       ${x.url}` : ''}${x.covers.length ? `\n       ${da ? 'dækker' : 'covers'}: ${x.covers.join(', ')}` : ''}`,
    ),
    ...(p.notes.length ? ['', ...p.notes.map((n) => `${da ? 'Note' : 'Note'}: ${n}`)] : []),
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
    .addOption(new Option('-l, --lang <lang>', 'language (default da)').choices(['da', 'en']))
    .action((o: { format?: string; lang?: Lang }) => {
      const opts = { format: o.format ?? 'text', lang: o.lang ?? ('da' as Lang) };
      const all = builtinPools();
      if (opts.format === 'json') return io.stdout(JSON.stringify(all.map(storedProfile), null, 2) + '\n');
      const head =
        opts.lang === 'da' ? ['id', 'navn', 'midler', 'periode', 'ansøgere', 'lofter', 'moms'] : ['id', 'name', 'funds', 'period', 'applicants', 'caps', 'VAT'];
      io.stdout(table([head, ...all.map((p) => row(p, opts.lang))]));
    });
  pools
    .command('show')
    .description('show one pool, built-in or a profile file, each figure with its sources (json: the profile as stored, to start your own from)')
    .argument('<id|file>', 'pool id or profile file (.json/.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format (default text)').choices(['text', 'json']))
    .addOption(new Option('-l, --lang <lang>', 'language (default da)').choices(['da', 'en']))
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
    .action((o: { output: string; force?: boolean }) => {
      if (!['.yaml', '.yml'].includes(extname(o.output).toLowerCase())) throw new UsageError(`pools init writes YAML: name the file .yaml (not ${o.output})`);
      if (existsSync(o.output) && !o.force) throw new UsageError(`${o.output} exists; use --force to overwrite it`);
      const id =
        basename(o.output, extname(o.output))
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'min-pulje';
      writeFileAtomic(o.output, profileSkeleton(id));
      io.stderr(`${o.output}: ${id} (fill in name, applicants.type and sources, then: budgettjek pools show ${o.output})\n`);
    });
}
