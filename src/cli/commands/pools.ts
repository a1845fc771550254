// `budgettjek pools` (the built-in pools) and `budgettjek pools show <id>` (one, with the sources of its figures).
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../errors.js';
import { categoryLabel } from '../../itemise/index.js';
import { builtinPools, findBuiltinPool, type PoolProfile } from '../../pools/index.js';
import type { Lang } from '../../types.js';
import type { Io } from '../io.js';

const kr = (n: number | undefined) => (n === undefined ? '–' : `${n.toLocaleString('da-DK')} kr.`);
const APPLICANTS = {
  da: { municipality: 'kommuner', organisation: 'organisationer', partnership: 'partnerskaber', any: 'alle' },
  en: { municipality: 'municipalities', organisation: 'organisations', partnership: 'partnerships', any: 'anyone' },
};

function row(p: PoolProfile, lang: Lang): string[] {
  const caps = [p.annualCap !== undefined ? `${lang === 'da' ? 'år' : 'year'} ${kr(p.annualCap)}` : '', p.application.max !== undefined ? `max ${kr(p.application.max)}` : '', p.application.min !== undefined ? `min ${kr(p.application.min)}` : '']
    .filter(Boolean)
    .join(', ');
  return [p.id, lang === 'en' ? p.nameEn ?? p.name : p.name, kr(p.funds), `${p.period.start} – ${p.period.end}`, APPLICANTS[lang][p.applicants.type], caps || '–', p.vatEligible ? (lang === 'da' ? 'ja' : 'yes') : lang === 'da' ? 'nej' : 'no'];
}

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => Math.min(60, r[i].length))));
  return rows.map((r) => r.map((c, i) => (c.length > 60 ? c.slice(0, 59) + '…' : c).padEnd(w[i])).join('  ').trimEnd()).join('\n') + '\n';
}

export function showPool(p: PoolProfile, lang: Lang): string {
  const da = lang === 'da';
  const t = p.thresholds;
  const lines = [
    `${p.id} — ${da ? p.name : p.nameEn ?? p.name}`,
    '',
    `${da ? 'Midler' : 'Funds'}: ${kr(p.funds)}${p.financeLawAccount ? ` (${p.financeLawAccount})` : ''}`,
    `${da ? 'Projektperiode' : 'Project period'}: ${p.period.start} – ${p.period.end}`,
    `${da ? 'Ansøgere' : 'Applicants'}: ${APPLICANTS[lang][p.applicants.type]}${p.applicants.named.length ? ` (${p.applicants.named.join(', ')})` : ''}${p.applicants.description ? ` — ${p.applicants.description}` : ''}`,
    `${da ? 'Moms støtteberettiget' : 'VAT eligible'}: ${p.vatEligible ? (da ? 'ja' : 'yes') : da ? 'nej (budget ekskl. moms)' : 'no (budget ex. VAT)'}`,
    ...(p.deadline ? [`${da ? 'Ansøgningsfrist' : 'Deadline'}: ${p.deadline}`] : []),
    `${da ? 'Årligt loft' : 'Annual cap'}: ${kr(p.annualCap)}`,
    `${da ? 'Pr. ansøgning' : 'Per application'}: min ${kr(p.application.min)}, max ${kr(p.application.max)}`,
    '',
    `${da ? 'Tærskler' : 'Thresholds'}: ${da ? 'anskaffelser' : 'equipment'} ${kr(t.equipmentPerYear)}/${da ? 'år' : 'year'}; ${da ? 'budgetnote over' : 'note above'} ${kr(t.noteAbove)}; ${da ? 'afvigelse' : 'deviation'} ${t.deviationPercent} % / ${kr(t.deviationAmount)}; ${da ? 'tilbagebetaling fra' : 'repayment from'} ${kr(t.repayDeMinimis)}; ${da ? 'revision' : 'audit'} ${kr(t.auditRegisteredAbove)} / ${kr(t.auditPerformanceAbove)}`,
    `${da ? 'Samleposter' : 'Lump-sum terms'}: ${p.lumpSumTerms.join(', ')}`,
    `${da ? 'Ikke støtteberettiget' : 'Not eligible'}: ${p.ineligibleCategories.map((c) => categoryLabel(c, lang)).join(', ')}`,
    `${da ? 'Kilometertakster (statens lave)' : 'Mileage rates (state low rate)'}: ${p.mileageRates.map((r) => `${r.from} ${String(r.rate).replace('.', da ? ',' : '.')}`).join('; ') || '–'}`,
    '',
    `${da ? 'Kilder' : 'Sources'}:`,
    ...p.sources.map((s) => `  [${s.id}] ${s.title}${s.url ? `\n       ${s.url}` : ''}${s.covers.length ? `\n       ${da ? 'dækker' : 'covers'}: ${s.covers.join(', ')}` : ''}`),
    ...(p.notes.length ? ['', ...p.notes.map((n) => `${da ? 'Note' : 'Note'}: ${n}`)] : []),
  ];
  return lines.join('\n') + '\n';
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
      if (opts.format === 'json') return io.stdout(JSON.stringify(all, null, 2) + '\n');
      const head = opts.lang === 'da' ? ['id', 'navn', 'midler', 'periode', 'ansøgere', 'lofter', 'moms'] : ['id', 'name', 'funds', 'period', 'applicants', 'caps', 'VAT'];
      io.stdout(table([head, ...all.map((p) => row(p, opts.lang))]));
    });
  pools
    .command('show')
    .description('show one pool with the sources of its figures')
    .argument('<id>', 'pool id')
    .addOption(new Option('-f, --format <format>', 'output format (default text)').choices(['text', 'json']))
    .addOption(new Option('-l, --lang <lang>', 'language (default da)').choices(['da', 'en']))
    .action((id: string, _opts: unknown, cmd: Command) => {
      // Options may be given before or after "show": take them from either.
      const opts = cmd.optsWithGlobals() as { format?: string; lang?: Lang };
      const p = findBuiltinPool(id);
      if (!p) throw new UsageError(`unknown pool "${id}" (built-in pools: ${builtinPools().map((x) => x.id).join(', ')})`);
      io.stdout(opts.format === 'json' ? JSON.stringify(p, null, 2) + '\n' : showPool(p, opts.lang ?? 'da'));
    });
}
