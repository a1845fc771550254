// Messages of the arithmetic/* rules, in Danish and English.
import type { MessageTable } from './types.js';
import { diff, krText } from './format.js';

export const messages: MessageTable = {
  'arithmetic/total-mismatch': {
    title: { da: 'En total stemmer ikke med linjerne', en: 'A total does not match its lines' },
    message: {
      da: (a) =>
        a.what === 'text'
          ? `Excel viser ${krText(a.actual, 'da')} her, men linjerne indeholder ${krText(a.expected, 'da')}: SUM springer ${a.count} beløb over, der er skrevet som tekst.`
          : a.what === 'summary'
            ? `Oversigten viser ${krText(a.actual, 'da')}, men budgetarkene den summerer har ${krText(a.expected, 'da')} (forskel ${diff(a.expected, a.actual, 'da')}).`
            : `${a.what === 'year' ? `I alt ${a.year}` : 'Totalen'} er ${krText(a.actual, 'da')}, men linjerne summerer til ${krText(a.expected, 'da')} (forskel ${diff(a.expected, a.actual, 'da')})${Number(a.count) > 1 ? `; ${a.count} celler i rækken afviger` : ''}.`,
      en: (a) =>
        a.what === 'text'
          ? `Excel shows ${krText(a.actual, 'en')} here, but the lines hold ${krText(a.expected, 'en')}: SUM skips ${a.count} amount(s) typed as text.`
          : a.what === 'summary'
            ? `The summary shows ${krText(a.actual, 'en')}, but the budget sheets it sums hold ${krText(a.expected, 'en')} (difference ${diff(a.expected, a.actual, 'en')}).`
            : `${a.what === 'year' ? `The ${a.year} total` : 'The total'} is ${krText(a.actual, 'en')}, but the lines add up to ${krText(a.expected, 'en')} (difference ${diff(a.expected, a.actual, 'en')})${Number(a.count) > 1 ? `; ${a.count} cells in the row differ` : ''}.`,
    },
    hint: {
      da: (a) =>
        a.what === 'text'
          ? 'Skriv beløbene som tal (fx 12500), ikke som tekst ("12.500 kr."), så SUM tæller dem med.'
          : a.what === 'summary'
            ? 'Lad oversigten hente sine tal fra budgetarkene med formler, og ret den celle, der afviger.'
            : 'Brug en SUM-formel, der dækker alle linjer (og kun dem).',
      en: (a) =>
        a.what === 'text'
          ? 'Type the amounts as numbers (e.g. 12500), not as text ("12.500 kr."), so SUM counts them.'
          : a.what === 'summary'
            ? 'Let the summary take its figures from the budget sheets by formulas, and correct the cell that differs.'
            : 'Use a SUM formula that covers all the lines (and only them).',
    },
    why: {
      da: 'budgettjek genberegner alle totaler fra linjerne og stoler aldrig på en gemt total.',
      en: 'budgettjek recomputes every total from the lines and never trusts a stored total.',
    },
    source: 'budgettjek (aritmetik)',
  },
  'arithmetic/hardcoded-total': {
    title: { da: 'Indtastet tal hvor de andre totaler er formler', en: 'Typed number where the other totals are formulas' },
    message: {
      da: () => 'Totalen er et indtastet tal, mens de tilsvarende totaler er formler.',
      en: () => 'The total is a typed number while the corresponding totals are formulas.',
    },
    hint: {
      da: 'Erstat tallet med en SUM-formel, så totalen følger med, når linjerne ændres.',
      en: 'Replace the number with a SUM formula so the total follows the lines.',
    },
    why: { da: 'En indtastet total bliver forkert, så snart en linje ændres.', en: 'A typed total goes wrong as soon as a line changes.' },
    source: 'budgettjek (aritmetik)',
  },
  'arithmetic/inconsistent-formula': {
    title: { da: 'Formel bryder mønstret', en: 'Formula breaks the pattern' },
    message: {
      da: (a) => `Formlen =${a.formula} dækker et andet område end nabocellernes (fx ${a.example}).`,
      en: (a) => `The formula =${a.formula} covers a different range than its neighbours' (e.g. ${a.example}).`,
    },
    hint: {
      da: 'Kopiér formlen fra nabocellen, så alle totaler dækker samme kolonner/rækker.',
      en: 'Copy the formula from a neighbour so all totals cover the same columns/rows.',
    },
    why: {
      da: 'En total, der springer en måned eller linje over, er den klassiske regnearksfejl.',
      en: 'A total that skips a month or a line is the classic spreadsheet error.',
    },
    source: 'budgettjek (aritmetik)',
  },
};
