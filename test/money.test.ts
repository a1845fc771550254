import { describe, expect, it } from 'vitest';
import { formatKr, oreFromKroner, parseAmountText, toKroner } from '../src/money.js';

describe('money in øre', () => {
  it.each([
    ['1.234,50', 123450],
    ['1.234 kr.', 123400],
    ['kr. 1.234,50', 123450],
    ['1 234', 123400],
    ['1\u00a0234,5', 123450],
    ['1.234,-', 123400],
    ['-', 0],
    ['-1.500', -150000],
    ['(2.000)', -200000],
    ['1,234.50', 123450],
    ['1234.5', 123450],
    ['12', 1200],
    ['0,05', 5],
    ['1.485.000', 148500000],
  ])('parses %s', (text, ore) => {
    expect(parseAmountText(text)).toEqual({ kind: 'number', ore });
  });

  it.each(['ca. 5000', 'se note', '5000 eller 6000', '12,3,4'])('refuses %s as an amount', (text) => {
    expect(parseAmountText(text).kind).toBe('text');
  });

  it('treats blank as blank', () => {
    expect(parseAmountText('  ')).toEqual({ kind: 'blank' });
  });

  it('converts and formats', () => {
    expect(oreFromKroner(0.1 + 0.2)).toBe(30);
    expect(toKroner(123456)).toBe(1234.56);
    expect(formatKr(148500000)).toBe('1.485.000 kr.');
    expect(formatKr(123450)).toBe('1.234,50 kr.');
    expect(formatKr(-5, 'en')).toBe('-0.05 kr.');
  });
});
