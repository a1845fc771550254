// Messages of the distribution/* rules, in Danish and English.
import type { MessageTable } from './types.js';
import { diff, krText, list, month } from './format.js';

export const messages: MessageTable = {
  'distribution/not-distributed': {
    title: { da: 'Beløb ikke fordelt på måneder', en: 'Amount not spread over months' },
    message: {
      da: (a) => `Posten har i alt ${krText(a.actual, 'da')}, men intet beløb i månederne.`,
      en: (a) => `The post totals ${krText(a.actual, 'en')} but has no amount in any month.`,
    },
    hint: { da: 'Fordel beløbet på de måneder, hvor udgiften falder.', en: 'Spread the amount over the months in which the cost falls.' },
    why: {
      da: 'Udgifter skal fordeles på måneder i hvert projektår, hvor projektet har udgifter.',
      en: 'Expenses must be spread over the months of each project year with expenses.',
    },
    source: 'BEK 614 § 9, stk. 1 nr. 2; ansøgningsvejledningen (recovery-2019)',
  },
  'distribution/sum-mismatch': {
    title: { da: 'Månederne summerer ikke til postens i alt', en: 'Months do not add up to the line total' },
    message: {
      da: (a) =>
        `Månederne summerer til ${krText(a.expected, 'da')}, men i alt er ${krText(a.actual, 'da')} (forskel ${diff(a.expected, a.actual, 'da')})${a.formula ? `; i alt er formlen =${a.formula}` : ', indtastet som tal'}.`,
      en: (a) =>
        `The months add up to ${krText(a.expected, 'en')}, but the total is ${krText(a.actual, 'en')} (difference ${diff(a.expected, a.actual, 'en')})${a.formula ? `; the total is the formula =${a.formula}` : ', typed as a number'}.`,
    },
    hint: {
      da: (a) =>
        a.formula
          ? 'Formlen dækker ikke det, månederne gør: brug =SUM over alle månedskolonner, som de andre linjer.'
          : 'Ret månedsbeløbene eller i alt; brug =SUM over alle månedskolonner.',
      en: (a) =>
        a.formula
          ? 'The formula does not cover what the months do: use =SUM over all month columns, as the other lines do.'
          : 'Fix the monthly amounts or the total; use =SUM over all month columns.',
    },
    why: {
      da: 'Når månederne og i alt ikke stemmer, ved ingen, hvilket beløb der søges om.',
      en: 'When months and total disagree, nobody knows which amount is applied for.',
    },
    source: 'BEK 614 § 9 (realistisk og retvisende budget)',
  },
  'distribution/outside-period': {
    title: { da: 'Udgifter uden for projektperioden', en: 'Expenses outside the project period' },
    message: {
      da: (a) =>
        a.stated
          ? `Den oplyste projektperiode ${month(a.statedStart, 'da')}–${month(a.statedEnd, 'da')} ligger delvis uden for puljens periode (${list(a.months, 'da', (m) => month(m, 'da'))})${typeof a.actual === 'number' && a.actual !== 0 ? `; ${krText(a.actual, 'da')} af budgettet falder i de måneder` : ''}.`
          : `${krText(a.actual, 'da')} ligger uden for projektperioden (${list(a.months, 'da', (m) => month(m, 'da'))}).`,
      en: (a) =>
        a.stated
          ? `The stated project period ${month(a.statedStart, 'en')}–${month(a.statedEnd, 'en')} lies partly outside the pool's period (${list(a.months, 'en', (m) => month(m, 'en'))})${typeof a.actual === 'number' && a.actual !== 0 ? `; ${krText(a.actual, 'en')} of the budget falls in those months` : ''}.`
          : `${krText(a.actual, 'en')} falls outside the project period (${list(a.months, 'en', (m) => month(m, 'en'))}).`,
    },
    hint: {
      da: (a) =>
        a.stated
          ? `Puljens projektperiode er ${month(a.start, 'da')}–${month(a.end, 'da')}; ret projektperioden og flyt udgifterne ind i den.`
          : `Projektperioden er ${month(a.start, 'da')}–${month(a.end, 'da')}${a.source === 'pool' ? ' (puljens)' : ''}; flyt udgiften ind i perioden.`,
      en: (a) =>
        a.stated
          ? `The pool's project period is ${month(a.start, 'en')}–${month(a.end, 'en')}; correct the project period and move the costs into it.`
          : `The project period is ${month(a.start, 'en')}–${month(a.end, 'en')}${a.source === 'pool' ? " (the pool's)" : ''}; move the cost into it.`,
    },
    why: { da: 'Tilskuddet kan kun bruges til udgifter i projektperioden.', en: 'The grant covers only costs within the project period.' },
    source: 'BEK 614 § 21; SBST Håndbog om tilskudsregler (projektperiode og tilskuddets anvendelse)',
  },
  'distribution/negative-amount': {
    title: { da: 'Negativt beløb på en udgiftspost', en: 'Negative amount on an expense post' },
    message: {
      da: (a) => `Udgiftsposten har et negativt beløb (${krText(a.actual, 'da')}${Number(a.count) > 1 ? ` og ${Number(a.count) - 1} til` : ''}).`,
      en: (a) => `The expense post has a negative amount (${krText(a.actual, 'en')}${Number(a.count) > 1 ? ` and ${Number(a.count) - 1} more` : ''}).`,
    },
    hint: {
      da: 'Indtægter og finansiering hører under Finansiering, ikke som negative udgifter.',
      en: 'Income and financing belong under Finansiering, not as negative expenses.',
    },
    why: {
      da: 'Negative udgifter skjuler indtægter i udgiftsposterne og forvrænger totalerne.',
      en: 'Negative expenses hide income among the expense posts and distort the totals.',
    },
    source: 'SBST Håndbog om tilskudsregler (finansiering af projekter)',
  },
  'distribution/single-month': {
    title: { da: 'Løbende udgift lagt i én måned', en: 'Recurring cost put in one month' },
    message: {
      da: (a) => `Hele posten (${krText(a.actual, 'da')}) ligger i ${month(a.month, 'da')}, men det ligner en løbende udgift.`,
      en: (a) => `The whole post (${krText(a.actual, 'en')}) sits in ${month(a.month, 'en')}, but it looks like a recurring cost.`,
    },
    hint: {
      da: 'Fordel løn, husleje og lignende på de måneder, hvor de betales.',
      en: 'Spread salary, rent and similar over the months in which they are paid.',
    },
    why: {
      da: 'Løn og husleje betales månedligt; lagt i én måned giver det et forkert billede af forbruget og udbetalingerne.',
      en: 'Salary and rent are paid monthly; in one month they misstate spending and payments.',
    },
    source: 'BEK 614 § 9, stk. 1 nr. 2',
  },
};
