// CSV for Danish Excel: one row per finding, ';'-separated, UTF-8 with BOM, CRLF, every text cell safe from formula injection.
import { toKroner } from '../../money.js';
import type { Finding } from '../../types.js';
import { csvCell, csvNumber } from '../escape.js';
import { labelsFor } from '../../i18n/languages.js';
import type { Formatter } from './types.js';

const SEP = ';';

export const csv: Formatter = (report, { lang }) => {
  const { report: L, severity } = labelsFor(lang);
  const head = [L.file, L.rule, L.severity, L.sheet, L.row, L.cell, L.post, L.expected, L.actual, L.message, L.hint];
  const rows: string[] = [head.map((h) => csvCell(h, SEP)).join(SEP)];
  const line = (path: string, f: Finding) => {
    const money = f.unit === undefined || f.unit === 'ore';
    const num = (v: number | undefined) => csvNumber(v === undefined ? undefined : money ? toKroner(v) : v, lang);
    rows.push(
      [
        csvCell(path, SEP),
        csvCell(f.rule, SEP),
        csvCell(severity[f.severity], SEP),
        csvCell(f.sheet ?? '', SEP),
        f.row === undefined ? '' : String(f.row),
        csvCell(f.cell ?? '', SEP),
        csvCell(f.post ?? '', SEP),
        num(f.expected),
        num(f.actual),
        csvCell(f.message, SEP),
        csvCell(f.hint ?? '', SEP),
      ].join(SEP),
    );
  };
  for (const file of report.files) for (const f of file.findings) line(file.path, f);
  for (const f of report.findings) line('', f);
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
};
