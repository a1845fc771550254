// Reads the label/value pairs of a metadata sheet (Stamdata, Forside, …) and of title rows above tables.
import { oreFromKroner, parseAmountText, saneAmount } from '../money.js';
import type { RawCell, RawSheet } from '../read/types.js';
import { a1 } from '../read/address.js';
import type { Grid } from './grid.js';
import { METADATA_SHEET, metaField, parseVat, type MetaField } from './labels.js';
import { statesThousands } from './scale.js';
import { monthOfDate, parseDateText, parsePeriodText } from './months.js';
import type { Field, Metadata, Month } from './types.js';

function cellText(c: RawCell): string {
  if (c.error) return c.error;
  if (c.value instanceof Date) return c.value.toISOString().slice(0, 10);
  return c.value === null ? '' : String(c.value).trim();
}

export function isMetadataSheet(sheet: RawSheet): boolean {
  return METADATA_SHEET.test(sheet.name.trim());
}

interface Pending {
  start?: Field<Month>;
  end?: Field<Month>;
}

/**
 * Reads label/value pairs from the given rows of a sheet into `meta`; fields already set are kept
 * (the metadata sheet is read first and wins).
 */
export function readPairs(grid: Grid, sheet: RawSheet, maxRow: number, meta: Metadata, pending: Pending): number {
  let found = 0;
  for (let r = 1; r <= Math.min(maxRow, sheet.maxRow); r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (typeof c.value !== 'string') continue;
      let label = c.value;
      let valueCell: RawCell | undefined;
      let inline: string | undefined;
      let field: MetaField | undefined = metaField(label);
      if (!field && label.includes(':')) {
        const [l, ...rest] = label.split(':');
        const f = metaField(l);
        if (f && rest.join(':').trim()) {
          field = f;
          label = l;
          inline = rest.join(':').trim();
        }
      }
      if (!field) continue;
      if (inline === undefined) {
        valueCell = cells.slice(i + 1).find((v) => v.col <= c.col + 6 && (cellText(v) !== '' || v.error || v.formula));
        if (!valueCell) {
          if (!meta.blank.includes(field)) meta.blank.push(field);
          continue;
        }
      }
      let raw = inline ?? cellText(valueCell!);
      // "Projektperiode | 01.01.2020 | 30.09.2022": the start and the end in two cells of the row
      if (field === 'period' && valueCell && !parsePeriodText(raw)) {
        const end = cells.find((v) => v.col > valueCell!.col && v.col <= valueCell!.col + 3 && cellText(v) !== '');
        if (end && parsePeriodText(`${raw} – ${cellText(end)}`)) raw = `${raw} – ${cellText(end)}`;
      }
      const at = valueCell ?? c;
      const where = { sheet: sheet.name, row: r, cell: a1(at.row, at.col), raw };
      found++;
      assign(meta, pending, field, raw, valueCell, where, grid, sheet.name, statesThousands(label) ? 1000 : 1);
      break; // one pair per row
    }
  }
  return found;
}

function assign(
  meta: Metadata,
  pending: Pending,
  field: MetaField,
  raw: string,
  cell: RawCell | undefined,
  where: { sheet: string; row: number; cell: string; raw: string },
  grid: Grid,
  sheetName: string,
  /** 1000 where the label states thousands of kroner ("Ansøgt beløb (1.000 kr.)"). */
  scale = 1,
): void {
  const bad = (): void => {
    meta.unparsed.push({ ...where, value: raw, field });
  };
  switch (field) {
    case 'applicant':
    case 'title':
    case 'pool':
      if (!meta[field]) meta[field] = { ...where, value: raw };
      return;
    case 'cvr': {
      if (meta.cvr) return;
      const digits = raw.replace(/\D/g, '');
      meta.cvr = { ...where, value: digits.length === 8 ? digits : raw };
      return;
    }
    case 'requested':
    case 'granted': {
      if (meta[field]) return;
      let ore: number | undefined;
      if (cell && (typeof cell.value === 'number' || cell.formula)) {
        const v = grid.value(sheetName, cell);
        if (v.ok && saneAmount(v.value * scale)) {
          ore = oreFromKroner(v.value * scale);
          // 128 (1.000 kr.) is 127.500–128.500 kr.: half the last digit typed
          if (scale !== 1) {
            meta[field] = { ...where, value: ore, rounding: (scale * 100) / 2 / 10 ** decimalsOf(v.value) };
            return;
          }
        }
      } else {
        const rounded = inMillions(raw) ?? inThousands(raw, scale);
        if (rounded) {
          meta[field] = { ...where, ...rounded };
          return;
        }
        const p = parseAmountText(raw.replace(/^(ca\.?|kr\.?)\s*/i, (m) => (/kr/i.test(m) ? m : '')));
        if (p.kind === 'number') ore = p.ore;
      }
      if (ore === undefined) return bad();
      meta[field] = { ...where, value: ore };
      return;
    }
    case 'vat': {
      if (meta.vat) return;
      const v = parseVat(raw);
      if (!v) return bad();
      meta.vat = { ...where, value: v };
      return;
    }
    case 'period': {
      if (meta.period) return;
      const p = parsePeriodText(raw);
      if (!p) return bad();
      meta.period = { ...where, value: p };
      return;
    }
    case 'start':
    case 'end': {
      const m = cell?.value instanceof Date ? monthOfDate(cell.value) : parseDateText(raw);
      if (!m) return bad();
      if (!pending[field]) pending[field] = { ...where, value: m };
      return;
    }
  }
}

/**
 * An amount stated in millions ("1,4 mio. kr.", "kr. 2,35 mio.", "ca. 1 million kroner"): its value in øre, and its
 * rounding: half the last digit stated (1,4 mio. is 1.350.000–1.450.000 kr.).
 */
function inMillions(raw: string): { value: number; rounding: number } | undefined {
  const m = /^(?:ca\.?\s*)?(?:kr\.?\s*)?(\d{1,4})(?:,(\d{1,4}))?\s*(?:mio|mill|millioner|million)\.?(?:\s*(?:kr|kroner|dkk)\.?)?$/i.exec(raw.trim());
  return m ? roundedAmount(m[1], m[2], 8) : undefined;
}

/** An amount typed as `whole`,`fraction` in units of 10^exponent øre (millions: 8, thousands: 5): its value in øre and
 * its rounding, half its last digit stated. */
function roundedAmount(whole: string, fraction: string | undefined, exponent: number): { value: number; rounding: number } {
  const unit = 10 ** (exponent - (fraction?.length ?? 0)); // øre of the last digit typed
  return { value: Number(whole) * 10 ** exponent + (fraction ? Number(fraction) * unit : 0), rounding: unit / 2 };
}

/** The decimals a number is typed with (127,6 → 1). */
export function decimalsOf(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 || s.includes('e') ? 0 : Math.min(s.length - i - 1, 2);
}

/**
 * An amount stated in thousands ("127,6 t.kr.", "128 tkr.", "kr. 127.568" under a label in 1.000 kr. when `scale` is
 * 1000): its value in øre and its rounding (half the last digit stated).
 */
function inThousands(raw: string, scale: number): { value: number; rounding: number } | undefined {
  const m = /^(?:ca\.?\s*)?(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,3}))?\s*(t\.?\s?kr\.?|tkr\.?|tusinde? kr(?:oner|\.)?)?$/i.exec(raw.trim());
  if (!m || (!m[3] && scale === 1)) return undefined;
  return roundedAmount(m[1].replace(/\./g, ''), m[2], 5);
}

/** Metadata from the metadata sheets, then from rows above each table's header (`headerRows`). */
export function readMetadata(grid: Grid, headerRows: Map<string, number>): Metadata {
  const meta: Metadata = { unparsed: [], blank: [] };
  const pending: Pending = {};
  const sheets = grid.workbook.sheets;
  for (const s of sheets.filter(isMetadataSheet)) {
    if (readPairs(grid, s, Math.min(s.maxRow, 200), meta, pending) > 0 && !meta.sheet) meta.sheet = s.name;
  }
  for (const s of sheets) {
    if (isMetadataSheet(s)) continue;
    const h = headerRows.get(s.name);
    // Sheets without a table (e.g. an untitled first sheet of label/value pairs) are read in full.
    const n = readPairs(grid, s, h ? h - 1 : Math.min(s.maxRow, 60), meta, pending);
    if (n > 0 && !meta.sheet && !h) meta.sheet = s.name;
  }
  if (!meta.period && pending.start && pending.end && pending.end.value >= pending.start.value) {
    meta.period = { ...pending.start, value: { start: pending.start.value, end: pending.end.value }, raw: `${pending.start.raw} – ${pending.end.raw}` };
  }
  return meta;
}
