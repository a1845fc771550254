import { describe, expect, it } from 'vitest';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { addMonth, monthKey, monthOfDate, monthRange, parseMonthHeader, parsePeriodText, yearIn } from '../src/model/months.js';

describe('month headers', () => {
  it.each([
    ['januar 2020', '2020-01'],
    ['Jan 2020', '2020-01'],
    ['jan. 2020', '2020-01'],
    ['jan-20', '2020-01'],
    ['2020-01', '2020-01'],
    ['01-2020', '2020-01'],
    ['01.2020', '2020-01'],
    ['1/2020', '2020-01'],
    ['Marts 2021', '2021-03'],
    ['maj 2021', '2021-05'],
    ['May 2021', '2021-05'],
    ['okt. 2021', '2021-10'],
    ['October 2021', '2021-10'],
    ['dec-22', '2022-12'],
    ['01.09.2022', '2022-09'],
    ['2022 september', '2022-09'],
  ])('%s is %s', (text, month) => {
    expect(parseMonthHeader(text)).toEqual({ kind: 'month', month });
  });

  it('reads bare month names, to be given a year from context', () => {
    expect(parseMonthHeader('Februar')).toEqual({ kind: 'bare', month: 2 });
    expect(parseMonthHeader('sept.')).toEqual({ kind: 'bare', month: 9 });
  });

  it('reads a range of two dates as its month or its quarter', () => {
    expect(parseMonthHeader('01.01.2025-31.03.2025')).toEqual({ kind: 'month', month: '2025-01', span: 3 });
    expect(parseMonthHeader('1.10.2024 – 31.12.2024')).toEqual({ kind: 'month', month: '2024-10', span: 3 });
    expect(parseMonthHeader('01.08.2024-31.10.2024')).toEqual({ kind: 'month', month: '2024-08', span: 3 }); // a project's quarter
    expect(parseMonthHeader('01.01.2025-31.01.2025')).toEqual({ kind: 'month', month: '2025-01' });
    expect(parseMonthHeader('01.01.2025-31.12.2025')).toBeUndefined(); // a year: no month column
    expect(parseMonthHeader('15.01.2025-31.03.2025')).toBeUndefined();
  });

  it('reads project months', () => {
    expect(parseMonthHeader('Måned 3')).toEqual({ kind: 'relative', n: 3 });
    expect(parseMonthHeader('Projektmåned 12')).toEqual({ kind: 'relative', n: 12 });
    expect(parseMonthHeader('md. 33')).toEqual({ kind: 'relative', n: 33 });
  });

  it.each(['Budgetpost', 'I alt', '2020', 'Note 1', '13/2020', 'januar 1850'])('does not take %s for a month', (text) => {
    expect(parseMonthHeader(text)).toBeUndefined();
  });

  it('reads date cells at any day and time zone offset', () => {
    expect(monthOfDate(new Date(Date.UTC(2020, 0, 1)))).toBe('2020-01');
    expect(monthOfDate(new Date(Date.UTC(2020, 0, 15)))).toBe('2020-01');
    expect(monthOfDate(new Date('2019-12-31T23:00:00Z'))).toBe('2020-01'); // midnight 1 Jan in Danish time
    expect(monthOfDate(new Date('2020-01-31T22:00:00Z'))).toBe('2020-02'); // midnight 1 Feb, summer offset
    expect(parseMonthHeader(new Date(Date.UTC(2021, 5, 30)))).toEqual({ kind: 'month', month: '2021-06' });
  });

  it('parses periods and years', () => {
    expect(parsePeriodText('01.01.2020 – 30.09.2022')).toEqual({ start: '2020-01', end: '2022-09' });
    expect(parsePeriodText('1/1 2020 - 30/9 2022')).toEqual({ start: '2020-01', end: '2022-09' });
    expect(parsePeriodText('januar 2020 til september 2022')).toEqual({ start: '2020-01', end: '2022-09' });
    expect(parsePeriodText('2013 - 2016')).toEqual({ start: '2013-01', end: '2016-12' });
    expect(parsePeriodText('snart')).toBeUndefined();
    expect(yearIn('Projektår 2 (2021)')).toBe(2021);
    expect(yearIn('Budget 2020-2021')).toBeUndefined();
    expect(monthRange('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
  });
});

describe('addMonth', () => {
  it('counts months across year ends, forwards and back, as date-fns addMonths and format do', () => {
    for (const year of [1990, 1999, 2020, 2099])
      for (let month = 1; month <= 12; month++)
        for (const n of [-25, -13, -12, -1, 0, 1, 2, 11, 12, 13, 35, 240]) {
          const key = monthKey(year, month);
          expect(addMonth(key, n), `${key} + ${n}`).toBe(format(addMonths(new Date(year, month - 1, 15), n), 'yyyy-MM'));
        }
  });

  it('a month past December is January of the next year', () => {
    expect(addMonth('2020-12', 1)).toBe('2021-01');
    expect(addMonth('2021-01', -1)).toBe('2020-12');
    expect(monthRange('2020-11', addMonth('2020-11', 3))).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
  });
});
