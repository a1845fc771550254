// Messages of the structure/* rules, in Danish and English.
import type { MessageTable } from './types.js';
import { list, month } from './format.js';

const oneOf = (pools: unknown) => (Array.isArray(pools) ? pools.map(String).join(', ') : '');

const FIELD = {
  da: { applicant: 'ansøger', cvr: 'CVR-nr.', requested: 'ansøgt beløb', period: 'projektperiode' } as Record<string, string>,
  en: { applicant: 'applicant', cvr: 'CVR number', requested: 'requested amount', period: 'project period' } as Record<string, string>,
};

export const messages: MessageTable = {
  'structure/no-budget-table': {
    title: { da: 'Ingen budgettabel fundet', en: 'No budget table found' },
    message: {
      da: (a) =>
        a.unfilled
          ? `Budgetskemaet er ikke udfyldt: ${Array.isArray(a.sheets) && a.sheets.length > 1 ? 'tabellerne i arkene' : 'tabellen i arket'} ${list(a.sheets, 'da')} har ingen beløb.`
          : `Ingen budgettabel fundet i arkene ${list(a.sheets, 'da')}: der er ingen overskriftsrække med en budgetpost-kolonne og måneds- eller i alt-kolonner i de første 30 rækker.`,
      en: (a) =>
        a.unfilled
          ? `The budget form is not filled in: ${Array.isArray(a.sheets) && a.sheets.length > 1 ? 'the tables in the sheets' : 'the table in the sheet'} ${list(a.sheets, 'en')} hold${Array.isArray(a.sheets) && a.sheets.length > 1 ? '' : 's'} no amounts.`
          : `No budget table found in the sheets ${list(a.sheets, 'en')}: no header row with a post column and month or total columns in the first 30 rows.`,
    },
    hint: {
      da: (a) =>
        a.unfilled
          ? 'Skriv budgetposterne med specifikation og beløb pr. måned, før budgettet tjekkes eller sendes.'
          : 'Giv tabellen en overskriftsrække med fx "Budgetpost", månederne ("januar 2020" …) og "I alt".',
      en: (a) =>
        a.unfilled
          ? 'Enter the budget posts with a specification and amounts per month before the budget is checked or sent.'
          : 'Give the table a header row with e.g. "Budgetpost", the months ("januar 2020" …) and "I alt".',
    },
    why: {
      da: 'Uden en budgettabel kan budgettet ikke tjekkes. Puljens budgetskema skal vise udgiftsposterne fordelt på måneder. Et skema uden beløb (fx budgettjeks egen skabelon, tom) er ikke et rent budget, men et, der ikke er udfyldt.',
      en: "Without a budget table nothing can be checked. The pool's budget form shows the expense posts spread over months. A form with no amounts (such as budgettjek's own template, blank) is not a clean budget but one not filled in.",
    },
    source: 'BEK 614 § 9; puljens ansøgningsvejledning',
  },
  'structure/missing-months': {
    title: { da: 'Måneder i projektperioden uden kolonne', en: 'Months of the project period without a column' },
    message: {
      da: (a) =>
        a.found === 'quarters' && a.want === 'month'
          ? 'Budgettet er fordelt på kvartaler, men puljen kræver fordeling på måneder.'
          : a.found === 'none'
            ? 'Budgettet er ikke fordelt på måneder: der er kun år- eller i alt-kolonner.'
            : a.want === 'quarter'
              ? `${a.count} kvartal(er) i projektperioden har ingen kolonne: ${list(a.months, 'da', (m) => month(m, 'da'))}.`
              : `${a.count} måned(er) i projektperioden har ingen kolonne: ${list(a.months, 'da', (m) => month(m, 'da'))}.`,
      en: (a) =>
        a.found === 'quarters' && a.want === 'month'
          ? 'The budget is spread over quarters, but the pool requires months.'
          : a.found === 'none'
            ? 'The budget is not spread over months: it has only year or total columns.'
            : a.want === 'quarter'
              ? `${a.count} quarter(s) of the project period have no column: ${list(a.months, 'en', (m) => month(m, 'en'))}.`
              : `${a.count} month(s) of the project period have no column: ${list(a.months, 'en', (m) => month(m, 'en'))}.`,
    },
    hint: {
      da: (a) =>
        (a.found === 'quarters' && a.want === 'month' ? 'Fordel budgettet på måneder i stedet for kvartaler (én kolonne pr. måned). ' : '') +
        `Budgettet skal fordeles på alle ${a.want === 'quarter' ? 'kvartaler' : 'måneder'}${a.start ? ` fra ${month(a.start, 'da')} til ${month(a.end, 'da')}` : ' i projektperioden'}${a.source === 'pool' ? ' (puljens projektperiode)' : ''}. Tilføj de manglende ${a.want === 'quarter' ? 'kvartals' : 'måneds'}kolonner.`,
      en: (a) =>
        (a.found === 'quarters' && a.want === 'month' ? 'Spread the budget over months instead of quarters (one column per month). ' : '') +
        `The budget must cover every ${a.want === 'quarter' ? 'quarter' : 'month'}${a.start ? ` from ${month(a.start, 'en')} to ${month(a.end, 'en')}` : ' of the project period'}${a.source === 'pool' ? " (the pool's project period)" : ''}. Add the missing ${a.want === 'quarter' ? 'quarter' : 'month'} columns.`,
    },
    why: {
      da: 'Udgifter skal fordeles på måneder i hvert projektår, hvor projektet har udgifter. Mangler måneder, kan udgifterne ikke være fordelt rigtigt.',
      en: 'Expenses must be spread over the months of each project year with expenses. With months missing, they cannot be.',
    },
    source: 'BEK 614 § 9, stk. 1 nr. 2; ansøgningsvejledningen: "Udgifter skal fordeles på måneder i det projektår, hvor projektet har udgifter"',
  },
  'structure/duplicate-month': {
    title: { da: 'Samme måned i to kolonner', en: 'The same month in two columns' },
    message: {
      da: (a) => `${month(a.month, 'da')} står i to kolonner (første gang i ${a.first}).`,
      en: (a) => `${month(a.month, 'en')} has two columns (first in ${a.first}).`,
    },
    hint: { da: 'Ret overskriften, så hver måned kun har én kolonne.', en: 'Fix the header so each month has one column.' },
    why: {
      da: 'En måned i to kolonner tælles dobbelt eller skjuler en fejl i overskriften.',
      en: 'A month in two columns is counted twice or hides a header mistake.',
    },
    source: 'budgettjek (struktur)',
  },
  'structure/formula-error': {
    title: { da: 'Formelfejl i en celle, der indgår i budgettet', en: 'Formula error in a cell that counts' },
    message: {
      da: (a) =>
        a.error === 'circular'
          ? `Formlen henviser til sin egen celle, direkte eller gennem andre celler (cirkulær reference); Excel viser den som 0${a.formula ? ` (formel =${a.formula})` : ''}.`
          : a.error === 'too-deep'
            ? `Formlen afhænger gennem for mange led af andre formler til at kunne beregnes; beløbet er ukendt${a.formula ? ` (formel =${a.formula})` : ''}.`
            : `Cellen viser fejlen ${a.error}${a.formula ? ` (formel =${a.formula})` : ''}.`,
      en: (a) =>
        a.error === 'circular'
          ? `The formula refers to its own cell, directly or through other cells (a circular reference); Excel shows it as 0${a.formula ? ` (formula =${a.formula})` : ''}.`
          : a.error === 'too-deep'
            ? `The formula depends on other formulas through too many steps to be computed; the amount is unknown${a.formula ? ` (formula =${a.formula})` : ''}.`
            : `The cell shows the error ${a.error}${a.formula ? ` (formula =${a.formula})` : ''}.`,
    },
    hint: {
      da: (a) =>
        a.error === 'circular' || a.error === 'too-deep'
          ? 'Skriv beløbet eller en formel, der kun bygger på budgettets poster, ikke på sig selv.'
          : 'Ret formlen (#REF! betyder en slettet celle, #DIV/0! division med nul).',
      en: (a) =>
        a.error === 'circular' || a.error === 'too-deep'
          ? "Type the amount, or a formula built on the budget's posts only, not on itself."
          : 'Fix the formula (#REF! means a deleted cell, #DIV/0! a division by zero).',
    },
    why: {
      da: 'En fejlværdi betyder, at beløbet ikke kan beregnes, og at totalerne ikke kan stemme.',
      en: 'An error value means the amount cannot be computed, and totals cannot add up.',
    },
    source: 'budgettjek (struktur)',
  },
  'structure/non-numeric-amount': {
    title: { da: 'Tekst hvor der skal stå et beløb', en: 'Text where an amount belongs' },
    message: {
      da: (a) => `"${a.text}" er ikke et beløb.`,
      en: (a) => `"${a.text}" is not an amount.`,
    },
    hint: {
      da: 'Skriv beløbet som et tal (fx 12500 eller 12.500,00) og flyt forklaringen til budgetnoten.',
      en: 'Write the amount as a number (e.g. 12500 or 12.500,00) and move the explanation to the budget note.',
    },
    why: { da: 'Tekst i en beløbscelle tælles ikke med i summerne.', en: 'Text in an amount cell does not count in the sums.' },
    source: 'budgettjek (struktur)',
  },
  'structure/hidden-content': {
    title: { da: 'Skjulte rækker, kolonner eller ark med beløb', en: 'Hidden rows, columns or sheets holding amounts' },
    message: {
      da: (a) =>
        a.what === 'source'
          ? `Cellen henter sit beløb fra det skjulte ark "${a.source}".`
          : a.what === 'sheet'
            ? 'Et skjult ark indeholder budgetbeløb.'
            : a.what === 'column'
              ? `En skjult kolonne${a.month ? ` (${month(a.month, 'da')})` : ''} indeholder beløb.`
              : 'En skjult række indeholder beløb.',
      en: (a) =>
        a.what === 'source'
          ? `The cell takes its amount from the hidden sheet "${a.source}".`
          : a.what === 'sheet'
            ? 'A hidden sheet holds budget amounts.'
            : a.what === 'column'
              ? `A hidden column${a.month ? ` (${month(a.month, 'en')})` : ''} holds amounts.`
              : 'A hidden row holds amounts.',
    },
    hint: {
      da: 'Vis det skjulte indhold eller slet det; alt, der tæller med, skal kunne ses.',
      en: 'Unhide the content or delete it; everything that counts must be visible.',
    },
    why: {
      da: 'Beløb, der tæller med i totalerne uden at kunne ses, gør budgettet uigennemskueligt for sagsbehandleren.',
      en: 'Amounts that count in the totals but cannot be seen make the budget opaque to the caseworker.',
    },
    source: 'budgettjek (struktur)',
  },
  'structure/missing-metadata': {
    title: { da: 'Stamdata mangler', en: 'Metadata missing' },
    message: {
      da: (a) =>
        a.blank
          ? `Feltet ${list(a.fields, 'da', (f) => FIELD.da[f] ?? f)} er ikke udfyldt.`
          : `Projektmappen oplyser ikke ${list(a.fields, 'da', (f) => FIELD.da[f] ?? f)}.`,
      en: (a) =>
        a.blank
          ? `The ${list(a.fields, 'en', (f) => FIELD.en[f] ?? f)} field is not filled in.`
          : `The workbook does not state the ${list(a.fields, 'en', (f) => FIELD.en[f] ?? f)}.`,
    },
    hint: {
      da: (a) => (a.blank ? 'Udfyld feltet.' : 'Tilføj et ark "Stamdata" med felterne Ansøger, CVR, Projekttitel, Pulje, Ansøgt beløb og Projektperiode.'),
      en: (a) =>
        a.blank ? 'Fill in the field.' : 'Add a sheet "Stamdata" with the fields Ansøger, CVR, Projekttitel, Pulje, Ansøgt beløb and Projektperiode.',
    },
    why: {
      da: 'Uden stamdata kan ansøgt beløb og projektperiode ikke tjekkes mod budgettet.',
      en: 'Without metadata the requested amount and project period cannot be checked against the budget.',
    },
    source: 'budgettjek; Tilskudsportalens ansøgningsskema',
  },
  'structure/unknown-pool': {
    title: { da: 'Ukendt pulje', en: 'Unknown pool' },
    message: {
      da: (a) =>
        a.named
          ? `Feltet Pulje ("${a.named}") svarer ikke til nogen kendt pulje; filen er ikke tjekket mod puljens regler.`
          : 'Projektmappen angiver ingen pulje, og der er ikke givet --pool; filen er ikke tjekket mod puljens regler.',
      en: (a) =>
        a.named
          ? `The Pulje field ("${a.named}") names no known pool; the file was not checked against a pool's rules.`
          : "The workbook names no pool and no --pool was given; the file was not checked against a pool's rules.",
    },
    hint: {
      da: (a) =>
        `Vælg puljen med --pool <id> (en af ${oneOf(a.pools)}) eller --pool <profil.yaml> for en pulje, der ikke er indbygget, eller skriv puljens id i feltet Pulje.`,
      en: (a) =>
        `Choose the pool with --pool <id> (one of ${oneOf(a.pools)}) or --pool <profile.yaml> for a pool that is not built in, or write the pool's id in the Pulje field.`,
    },
    why: {
      da: 'Puljen bestemmer projektperiode, lofter, takster og hvad der er støtteberettiget; uden den kan budgettet ikke tjekkes. De øvrige filer tjekkes stadig.',
      en: 'The pool sets the project period, caps, rates and what is eligible; without it the budget cannot be checked. The other files are still checked.',
    },
    source: 'budgettjek; puljens ansøgningsvejledning',
  },
};
