// Danish and English label synonyms for header columns, metadata fields and row kinds.
import { memoise } from '../memo.js';
import type { QuantityKind } from './types.js';

export type { QuantityKind };

/** Lower-case, NFC, spacing folded, surrounding punctuation and trailing colons/asterisks removed. */
export const normLabel = memoise(normLabelUncached);

function normLabelUncached(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/^[\s*:.\-–]+|[\s*:.\-–]+$/g, '')
    .trim();
}

function matcher(words: string[], prefixes: string[] = []): (s: string) => boolean {
  const set = new Set(words);
  return (s) => {
    const n = normLabel(s);
    if (set.has(n)) return true;
    return prefixes.some((p) => n === p || n.startsWith(p + ' ') || n.startsWith(p + '(') || n.startsWith(p + ':'));
  };
}

export const isPostHeader = matcher(
  [
    'budgetpost',
    'budgetposter',
    'post',
    'poster',
    'udgiftspost',
    'udgiftsposter',
    'udgiftstype',
    'udgiftsart',
    'aktivitet',
    'aktiviteter',
    'udgift',
    'udgifter',
    'post/aktivitet',
    'aktivitet/post',
    'budgetlinje',
    'konto',
    'kontonavn',
    'item',
    'expense',
    'expenses',
    'budget item',
    'budget line',
    'cost item',
    'activity',
    'expense item',
    'expense type',
    'udgiftsposter i alt',
  ],
  ['budgetpost', 'udgiftspost', 'udgiftstype', 'aktivitet', 'post', 'budget item', 'expense'],
);

export const isSpecHeader = matcher(
  [
    'specifikation',
    'specifikationer',
    'spec',
    'beskrivelse',
    'beregning',
    'beregningsgrundlag',
    'enheder x pris',
    'antal x pris',
    'specification',
    'description',
    'calculation',
    'details',
    'indhold',
    'tekst',
    'forklaring',
    'uddybning',
    'forudsætninger',
    'beregningsforudsætninger',
  ],
  ['specifikation', 'beskrivelse', 'beregning', 'specification', 'description', 'forklaring', 'uddybning'],
);

export const isCategoryHeader = matcher(['kategori', 'udgiftskategori', 'category', 'type', 'art'], ['kategori', 'category']);

export const isNoteHeader = matcher(
  [
    'budgetnote',
    'budgetnoter',
    'note',
    'noter',
    'bemærkning',
    'bemærkninger',
    'kommentar',
    'kommentarer',
    'notes',
    'comment',
    'comments',
    'note nr',
    'note nr.',
  ],
  ['budgetnote', 'note', 'bemærkning', 'kommentar'],
);

/** What a quantity column beside the post holds (SPEC §3): units × unit price, hours × rate, km × rate. */

const QUANTITY: Array<[QuantityKind, RegExp]> = [
  ['hoursPerWeek', /^(timer|antal timer|t|timetal) ?(pr\.?|per|om|\/|i) ?(uge|ugen)$|^ugentlige timer$|^t\/uge$|^hours per week$/],
  [
    'hourlyRate',
    /^(timeløn|timesats|timepris|timetakst|sats pr\.? time|pris pr\.? time|kr\.? pr\.? time|kr\.?\/time|løn pr\.? time|hourly rate|rate per hour)$/,
  ],
  ['monthlySalary', /^(månedsløn|månedlig løn|løn pr\.? (md|måned|mdr)|kr\.? pr\.? (md|måned)|kr\.?\/md|monthly salary|salary per month)$/],
  ['annualSalary', /^(årsløn|årlig løn|løn pr\.? år|annual salary|salary per year)$/],
  [
    'share',
    /^(stillingsprocent|stillingsandel|stillingsbrøk|beskæftigelsesgrad|arbejdstidsprocent|andel af (fuld tid|fuldtid|stilling)|(pct\.?|procent|%) af fuld ?tid)$/,
  ],
  ['weeks', /^(antal uger|uger|weeks|number of weeks)$/],
  ['months', /^(antal måneder|antal mdr|måneder|mdr|antal md|months|number of months)$/],
  ['hours', /^(timer|antal timer|timetal|timeforbrug|hours|number of hours)$/],
  ['kmRate', /^(kr\.? pr\.? km|kr\.?\/km|km-takst|kilometertakst|kilometersats|km-sats|takst pr\.? km|sats pr\.? km|rate per km)$/],
  ['km', /^(km|antal km|kilometer|antal kilometer)$/],
  [
    'price',
    /^(enhedspris|pris pr\.? (enhed|stk|deltager|person|gang|møde)|kr\.? pr\.? (deltager|person|gang|møde)|stykpris|sats|takst|pris|unit price|price per unit|price)$/,
  ],
  ['units', /^(antal|antal enheder|antal deltagere|antal personer|mængde|stk|antal stk|quantity|qty|units|number)$/],
  ['unit', /^(enhed|enhedstype|unit)$/],
];

/** The quantity a header names ("Antal", "Enhedspris (kr.)", "Timer pr. uge", "Kr. pr. km"), or undefined. */
export const quantityHeader = memoise((s: string): QuantityKind | undefined => {
  const n = normLabel(s)
    .replace(/\s*\((kr|dkk|kr\.)\)$|,? (i )?kr\.?$/, '')
    .replace(/\.$/, '');
  for (const [kind, re] of QUANTITY) if (re.test(n)) return kind;
  // "Timer i alt", "Antal km i alt": the line's count of hours, km or units (a price "i alt" is an amount, not a rate)
  const counted = /^(.+?),? (?:i alt|total|samlet|\(i alt\))$/.exec(n);
  if (counted) for (const [kind, re] of QUANTITY) if (COUNTS.has(kind) && re.test(counted[1])) return kind;
  return undefined;
});
const COUNTS = new Set<QuantityKind>(['hours', 'units', 'km', 'weeks', 'months']);

/** "I alt", "Total", "Sum", "I alt kr.", "Samlet", optionally with a year ("I alt 2020"); a bare year ("2021"). */
export function totalHeader(s: string): { year?: number } | undefined {
  const n = normLabel(s);
  const bare = /^(?:år )?((?:19|20)\d{2})(?: \((?:kr|dkk)\.?\))?$/.exec(n);
  if (bare) return { year: Number(bare[1]) };
  const m =
    /^(?:i alt|total|totalt|sum|samlet|samlet budget|budget i alt|beløb i alt|i alt kr|total kr|total budget|i alt \(kr\)|total \(kr\)|grand total|sum i alt)(?:[ .,(]*(?:kr|dkk)\.?\)?)?(?:[ -]*(?:år )?((?:19|20)\d{2}))?$/.exec(
      n,
    );
  if (m) return { year: m[1] ? Number(m[1]) : undefined };
  const y = /^(?:år )?((?:19|20)\d{2}) (?:i alt|total|sum)$/.exec(n);
  if (y) return { year: Number(y[1]) };
  return undefined;
}

/** What a post says of its row (memoised: every row of every table asks, and the rules ask again; never mutated). */
export interface PostFacts {
  /** isTotalPost */
  total: boolean;
  /** isFinancingHeading */
  financingHeading: boolean;
  /** financingKind */
  financing: 'requested' | 'own' | 'co' | 'other' | undefined;
}

export const postFacts = memoise((post: string): PostFacts => ({
  total: isTotalPostUncached(post),
  financingHeading: isFinancingHeadingUncached(post),
  financing: financingKindUncached(post),
}));

/** A total row: the post starts with I alt/Total/Subtotal/Sum, or ends with "i alt"/"total"; or it is "Samlede udgifter". */
export function isTotalPost(post: string): boolean {
  return postFacts(post).total;
}

function isTotalPostUncached(post: string): boolean {
  const n = normLabel(post);
  return (
    /^(i alt|total|totalt|subtotal|sub-total|sum|samlet|sammenlagt|udgifter i alt|grand total)\b/.test(n) ||
    /\b(i alt|total)$/.test(n) ||
    /^samlede (udgifter|omkostninger|projektudgifter|driftsudgifter|lønudgifter|budget)$/.test(n)
  );
}

/** The heading that opens the financing section. */
export function isFinancingHeading(post: string): boolean {
  return postFacts(post).financingHeading;
}

function isFinancingHeadingUncached(post: string): boolean {
  const n = normLabel(post).replace(/^[\d.]+\s*/, '');
  return /^(finansiering|finansieringsplan|finansiering af projektet|indtægter|indtægter og finansiering|financing|funding|income)$/.test(n);
}

/** Kind of a financing line from its label, or undefined when the label is not a financing line. */
export function financingKind(post: string): 'requested' | 'own' | 'co' | 'other' | undefined {
  return postFacts(post).financing;
}

function financingKindUncached(post: string): 'requested' | 'own' | 'co' | 'other' | undefined {
  const n = normLabel(post).replace(/^[\d.]+\s*/, '');
  if (/^(ansøgt (tilskud|beløb)|tilskud fra (puljen|socialstyrelsen|social- og boligstyrelsen)|ansøgt fra puljen|requested grant|grant requested)/.test(n))
    return 'requested';
  if (/^(egenfinansiering|egen finansiering|egenbetaling|eget bidrag|own financing|own contribution)/.test(n)) return 'own';
  if (/^(medfinansiering|co-financing|cofinancing)/.test(n)) return 'co';
  if (/^(andre tilskud|øvrige tilskud|tilskud fra andre|andre bidrag|anden finansiering|other grants|other funding|indtægter)/.test(n)) return 'other';
  return undefined;
}

/** A column of a line's financing beside its total ("Ansøgt fra puljen", "Heraf egenfinansiering", "Medfinansiering"):
 * the part of each line's total that is asked for, or paid by the applicant or a partner. */
export function financingColumn(label: string): 'requested' | 'own' | 'co' | 'other' | undefined {
  const n = normLabel(label)
    .replace(/^heraf:?\s+/, '')
    .replace(/\s*\((kr|dkk)\.?\)$|,? (i )?kr\.?$/, '');
  if (/^(ansøgt|ansøges|søges|tilskud|ansøgt fra puljen|ansøgt tilskud|ansøgt beløb|søgt tilskud|søgt beløb)$/.test(n)) return 'requested';
  return financingKind(n);
}

export type MetaField = 'applicant' | 'cvr' | 'title' | 'pool' | 'requested' | 'granted' | 'period' | 'start' | 'end' | 'vat';

const META: Array<[MetaField, RegExp]> = [
  [
    'applicant',
    /^(ansøger|ansøgers navn|ansøger \(navn\)|tilskudsmodtager|tilskudsmodtagers navn|modtager|organisation|kommune|ansøgende kommune|institution|applicant|grant recipient|recipient)$/,
  ],
  ['cvr', /^(cvr|cvr-nr|cvr nr|cvr-nummer|cvr nummer|cvr\.?nr|cvr number|se-nr|se nr)$/],
  ['title', /^(projekttitel|projektets titel|projektnavn|projektets navn|titel|project title|project name|projekt)$/],
  ['pool', /^(pulje|puljens navn|puljenavn|ansøgningspulje|pulje\/ordning|pool|grant pool|puljenummer)$/],
  [
    'requested',
    /^(ansøgt beløb|ansøgt tilskud|ansøgt beløb i alt|ansøgt tilskud i alt|ansøgt beløb \(kr\)|ansøgt beløb, kr|samlet ansøgt beløb|samlet ansøgt tilskud|der ansøges om|ansøgt fra puljen|ansøgt tilskud fra puljen|søgt beløb|søgt tilskud|beløb der ansøges om|ansøges om|tilskud der ansøges om|requested amount|amount requested)$/,
  ],
  ['granted', /^(bevilget beløb|bevilget tilskud|bevilling|tilsagn|tilsagnsbeløb|granted amount|grant)$/],
  ['period', /^(projektperiode|periode|tilskudsperiode|project period|period)$/],
  ['start', /^(projektstart|startdato|start dato|projektets start|start|project start)$/],
  ['end', /^(projektslut|slutdato|slut dato|projektets afslutning|projektafslutning|slut|project end|end)$/],
  ['vat', /^(moms|budget inkl\.?\/ekskl\.? moms|inkl\.?\/ekskl\.? moms|er budgettet inkl\.? moms|beløb inkl\.?\/ekskl\.? moms|vat|moms \(inkl\.\/ekskl\.\))$/],
];

/** The metadata field a label names (memoised: every text above a table is asked). */
export const metaField = memoise((label: string): MetaField | undefined => {
  const full = normLabel(label);
  const n = full
    .replace(/\s*\(.*?\)\s*$/, '')
    .replace(/[,\s]+(i )?(kr|dkk)\.?$/, '')
    // the unit in thousands: "Ansøgt beløb i 1.000 kr.", "Ansøgt tilskud, t.kr."
    .replace(/[,\s]+(i )?((1\.000|1000|tusinde?) (kr|kroner|dkk)|t\. ?kr|tkr)\.?$/, '')
    .replace(/\s*\.$/, '');
  for (const [field, re] of META) if (re.test(n) || re.test(full)) return field;
  return undefined;
});

/** "inkl. moms", "ja" (budget incl. VAT), "ekskl. moms", "nej". */
export function parseVat(s: string): 'incl' | 'excl' | undefined {
  const n = normLabel(s);
  if (/(ekskl|eksklusiv|excl|uden moms|ex\.? moms|^nej$|^no$|momsfri)/.test(n)) return 'excl';
  if (/(inkl|inklusiv|incl|med moms|^ja$|^yes$)/.test(n)) return 'incl';
  return undefined;
}

export const METADATA_SHEET =
  /^(stamdata|forside|oplysninger|projektoplysninger|ansøgning|ansøgningsoplysninger|info|information|generelt|generelle oplysninger|cover|metadata)\b/i;
