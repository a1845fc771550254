// Messages of the itemisation/* rules, in Danish and English.
import type { MessageTable } from './types.js';
import { diff, krText, product } from './format.js';

export const messages: MessageTable = {
  'itemisation/lump-sum-post': {
    title: { da: 'Samlepost (overhead, diverse, løn til medarbejdere …)', en: 'Lump-sum post (overhead, miscellaneous, staff salaries …)' },
    message: {
      da: (a) =>
        a.itemised
          ? `"${a.post}" er en samlet post (${a.term}) på ${krText(a.actual, 'da')}; den er regnet ud som antal × enhedspris, men bør hedde det, den dækker.`
          : `"${a.post}" er en samlet post (${a.term}) på ${krText(a.actual, 'da')}; udgifter skal specificeres.`,
      en: (a) =>
        a.itemised
          ? `"${a.post}" is a lump-sum post (${a.term}) of ${krText(a.actual, 'en')}; it is worked out as units × unit price, but should be named for what it covers.`
          : `"${a.post}" is a lump-sum post (${a.term}) of ${krText(a.actual, 'en')}; expenses must be specified.`,
    },
    hint: {
      da: 'Del posten op i konkrete udgifter med antal × enhedspris (fx "Løn projektleder, 37 t/uge, 45.000 kr./md., 33 mdr."). Uforudsete udgifter kan ikke budgetteres.',
      en: 'Split the post into concrete expenses with units × unit price (e.g. "Løn projektleder, 37 t/uge, 45.000 kr./md., 33 mdr."). Unforeseen expenses cannot be budgeted.',
    },
    why: {
      da: 'Udgifter skal specificeres i budgettet og kan ikke samles i overordnede poster som løn til medarbejdere, overhead, administrationsbidrag eller diverse, og der må ikke være en post til uforudsete udgifter.',
      en: 'Expenses must be specified and may not be gathered in overall posts such as staff salaries, overhead, administration fees or miscellaneous; no post for unforeseen expenses.',
    },
    source:
      'BEK 614 § 9; ansøgningsvejledningen (recovery-2019): "Udgifter skal specificeres i budgettet og kan ikke samles i overordnede budgetposter som fx løn til medarbejdere, overhead og diverse"',
  },
  'itemisation/salary-unspecified': {
    title: { da: 'Lønpost uden timer eller sats', en: 'Salary post without hours or rate' },
    message: {
      da: (a) => `Lønposten (${krText(a.actual, 'da')}) oplyser hverken timetal eller løn pr. time/måned.`,
      en: (a) => `The salary post (${krText(a.actual, 'en')}) states neither hours nor pay per hour/month.`,
    },
    hint: {
      da: 'Skriv fx "37 t/uge, 45.000 kr./md., 33 mdr." eller "1.200 timer à 350 kr.", og oplys lønniveau/overenskomst.',
      en: 'Write e.g. "37 t/uge, 45.000 kr./md., 33 mdr." or "1.200 timer à 350 kr.", and state the pay level/agreement.',
    },
    why: {
      da: 'Løn budgetteres som timer × timesats (eller månedsløn × måneder med ugentlige timer) og højst efter relevant overenskomst.',
      en: 'Salary is budgeted as hours × hourly rate (or monthly pay × months with weekly hours), at most per the relevant collective agreement.',
    },
    source: 'SBST Håndbog om tilskudsregler (løn); BEK 614 § 9',
  },
  'itemisation/no-unit-price': {
    title: { da: 'Ingen antal × enhedspris', en: 'No units × unit price' },
    message: {
      da: (a) => `Posten (${krText(a.actual, 'da')}) angiver ikke antal × enhedspris.`,
      en: (a) => `The post (${krText(a.actual, 'en')}) does not state units × unit price.`,
    },
    hint: {
      da: 'Skriv i specifikationen, hvordan beløbet er regnet ud, fx "2 konferencer à 100.000 kr.".',
      en: 'Say in the specification how the amount is computed, e.g. "2 konferencer à 100.000 kr.".',
    },
    why: {
      da: 'Hver post bør kunne læses som antal × enhedspris i den periode, udgiften falder.',
      en: 'Each post should read as units × unit price in the period the cost falls.',
    },
    source: 'SBST Håndbog om tilskudsregler (tilskudsberettigede udgifter)',
  },
  'itemisation/unit-price-mismatch': {
    title: { da: 'Antal × enhedspris stemmer ikke med beløbet', en: 'Units × unit price do not match the amount' },
    message: {
      da: (a) =>
        `"${a.text}" giver ${product(a.factors, 'da') ? `${product(a.factors, 'da')} = ` : ''}${krText(a.expected, 'da')}, men posten er på ${krText(a.actual, 'da')} (forskel ${diff(a.expected, a.actual, 'da')}).`,
      en: (a) =>
        `"${a.text}" makes ${product(a.factors, 'en') ? `${product(a.factors, 'en')} = ` : ''}${krText(a.expected, 'en')}, but the post is ${krText(a.actual, 'en')} (difference ${diff(a.expected, a.actual, 'en')}).`,
    },
    hint: { da: 'Ret specifikationen eller beløbet, så de passer sammen.', en: 'Correct the specification or the amount so they agree.' },
    why: {
      da: 'Specifikationen er sagsbehandlerens grundlag for at vurdere beløbet; passer den ikke, er budgettet ikke retvisende.',
      en: 'The specification is what the caseworker assesses the amount by; if it does not match, the budget is not truthful.',
    },
    source: 'BEK 614 § 9 (retvisende budget); SBST Håndbog om tilskudsregler',
  },
  'itemisation/duplicate-post': {
    title: { da: 'Samme post to gange', en: 'The same post twice' },
    message: {
      da: (a) => `Posten står også i ${a.first} med samme tekst og specifikation.`,
      en: (a) => `The post also appears in ${a.first} with the same text and specification.`,
    },
    hint: {
      da: 'Slå linjerne sammen, eller skriv i specifikationen, hvad der adskiller dem.',
      en: 'Merge the lines, or say in the specification what sets them apart.',
    },
    why: {
      da: 'Dobbelte poster tælles ofte dobbelt ved en fejl, og de gør budgettet svært at følge.',
      en: 'Duplicate posts are often counted twice by mistake and make the budget hard to follow.',
    },
    source: 'BEK 614 § 9 (specificeret budget)',
  },
  'itemisation/missing-note': {
    title: { da: 'Stor post uden budgetnote', en: 'Large post without a budget note' },
    message: {
      da: (a) => `Posten er på ${krText(a.actual, 'da')} (over ${krText(a.expected, 'da')}) og har ingen budgetnote.`,
      en: (a) => `The post is ${krText(a.actual, 'en')} (over ${krText(a.expected, 'en')}) and has no budget note.`,
    },
    hint: {
      da: (a) =>
        a.hasNoteColumn
          ? 'Skriv i budgetnoten, hvad beløbet dækker, og hvorfor det er nødvendigt.'
          : 'Tilføj en kolonne "Budgetnote" og forklar de store poster.',
      en: (a) =>
        a.hasNoteColumn ? 'Say in the budget note what the amount covers and why it is needed.' : 'Add a "Budgetnote" column and explain the large posts.',
    },
    why: {
      da: 'Socialstyrelsen vurderer ansøgningen ud fra budgettet og budgetnoterne; store poster skal begrundes.',
      en: 'Socialstyrelsen assesses the application on the budget and its notes; large posts need a reason.',
    },
    source: 'Puljens opslag ("budgettet herunder eventuelle budgetnoter"); SBST Håndbog om tilskudsregler',
  },
};
