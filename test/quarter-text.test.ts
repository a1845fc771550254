// How messages name quarter columns (src/i18n/format.ts): a calendar quarter by its number, a project year's quarter
// (from August) by its months, a run of quarter columns from the first to the last, and a period's months as the
// calendar quarters they fall in.
import { describe, expect, it } from 'vitest';
import { inSentence, monthOrQuarter, quarter, quarterOfMonths } from '../src/i18n/format.js';

describe('quarter texts', () => {
  it('name a calendar quarter by its number, in Danish and English', () => {
    expect(quarter('2025-04', 'da')).toBe('2. kvartal 2025');
    expect(quarter('2025-10', 'en')).toBe('Q4 2025');
  });

  it("name a project year's quarter, which no calendar quarter is, by its three months (across a new year too)", () => {
    expect(quarter('2024-08', 'da')).toBe('august 2024–oktober 2024');
    expect(quarter('2024-11', 'en')).toBe('November 2024–January 2025');
  });

  it('name a run of quarter columns from its first quarter to its last', () => {
    expect(quarter('2025-01–2025-10', 'da')).toBe('1. kvartal 2025–4. kvartal 2025');
    expect(quarter('2024-08–2025-05', 'da')).toBe('august 2024–juli 2025');
  });

  it("name a period's months as the calendar quarters they fall in", () => {
    expect(quarterOfMonths('2025-04–2025-06', 'da')).toBe('2. kvartal 2025');
    expect(quarterOfMonths('2024-11–2025-06', 'en')).toBe('Q4 2024–Q2 2025');
    expect(quarterOfMonths('2026-02', 'da')).toBe('1. kvartal 2026');
  });

  it('leave a month a month unless its column spans a quarter', () => {
    expect(monthOrQuarter('2025-04', 'da', undefined)).toBe('april 2025');
    expect(monthOrQuarter('2025-04', 'da', 3)).toBe('2. kvartal 2025');
    expect(quarter(undefined, 'da')).toBe('?');
  });
});

describe('a label inside a sentence', () => {
  it('starts in lower case and keeps the names and acronyms in it', () => {
    expect(inSentence('Aktiviteter i udlandet, Grønland eller Færøerne')).toBe('aktiviteter i udlandet, Grønland eller Færøerne');
    expect(inSentence('Moms')).toBe('moms');
    expect(inSentence('VAT')).toBe('VAT');
  });
});
