// Messages of the accounts/* rules, in Danish and English.
import { diff, krText, list, month } from './format.js';
import type { Lang } from '../types.js';
import type { MessageTable, MsgInput } from './types.js';

const pct = (v: unknown) => (v === 'inf' ? '∞' : String(v).replace('.', ','));

/** What the deviation is measured on, where the pool's rule is not per post (a main line, or any salary change). */
const scope = (a: MsgInput, lang: Lang) =>
  a.reason === 'salary-line'
    ? lang === 'da'
      ? 'Puljen kræver godkendelse af enhver ændring af en lønpost. '
      : 'The pool needs approval of any change to a salary line. '
    : a.mainLine
      ? lang === 'da'
        ? `Hovedposten ${a.mainLine} (dens poster i alt): `
        : `The main line ${a.mainLine} (its posts together): `
      : '';

export const messages: MessageTable = {
  'accounts/unbudgeted-post': {
    title: { da: 'Post, der ikke er i det godkendte budget', en: 'Post not in the approved budget' },
    message: {
      da: (a) =>
        a.against === 'approved'
          ? `Posten findes ikke i det godkendte budget (forbrug ${krText(a.actual, 'da')}).`
          : `Posten har forbrug (${krText(a.actual, 'da')}) men intet budget.`,
      en: (a) =>
        a.against === 'approved'
          ? `The post is not in the approved budget (spent ${krText(a.actual, 'en')}).`
          : `The post has spending (${krText(a.actual, 'en')}) but no budget.`,
    },
    hint: {
      da: 'Brug det godkendte budgets poster og navne; en ny post kræver forudgående godkendelse (projektændring).',
      en: "Use the approved budget's posts and names; a new post needs prior approval (a project change).",
    },
    why: {
      da: 'Regnskabet må kun indeholde udgiftsposter fra det senest godkendte budget, i samme struktur.',
      en: 'The accounts may only contain expense posts from the latest approved budget, in the same structure.',
    },
    source: 'BEK 614 § 21; SBST Håndbog om tilskudsregler (regnskab; ændringer til projektets rammer)',
  },
  'accounts/budget-mismatch': {
    title: { da: 'Regnskabets budgettal afviger fra det godkendte budget', en: "The accounts' budget differs from the approved budget" },
    message: {
      da: (a) => `Budgetkolonnen siger ${krText(a.actual, 'da')}, men det godkendte budget (${a.approvedAt}) siger ${krText(a.expected, 'da')}.`,
      en: (a) => `The budget column says ${krText(a.actual, 'en')}, but the approved budget (${a.approvedAt}) says ${krText(a.expected, 'en')}.`,
    },
    hint: { da: 'Skriv det senest godkendte budget i budgetkolonnen.', en: 'Put the latest approved budget in the budget column.' },
    why: {
      da: 'Afvigelser måles mod det godkendte budget; et ændret budgettal skjuler afvigelsen.',
      en: 'Deviations are measured against the approved budget; a changed budget figure hides the deviation.',
    },
    source: 'BEK 614 § 21',
  },
  'accounts/deviation-needs-approval': {
    title: { da: 'Afvigelse over 10 % eller 100.000 kr. uden godkendelse', en: 'Deviation over 10 % or 100.000 kr. without approval' },
    message: {
      da: (a) =>
        `${scope(a, 'da')}Forbruget ${krText(a.actual, 'da')} afviger ${diff(a.expected, a.actual, 'da')} (${pct(a.pct)} %) fra budgettet ${krText(a.expected, 'da')}, og ${a.explained ? 'forklaringen nævner ingen godkendelse' : 'der er hverken forklaring eller godkendelse'}.`,
      en: (a) =>
        `${scope(a, 'en')}Spending ${krText(a.actual, 'en')} deviates ${diff(a.expected, a.actual, 'en')} (${pct(a.pct)} %) from the budget ${krText(a.expected, 'en')}, and ${a.explained ? 'the explanation mentions no approval' : 'there is neither an explanation nor an approval'}.`,
    },
    hint: {
      da: 'Skriv i forklaringen, hvornår Socialstyrelsen godkendte ændringen (fx "godkendt 12.3.2021"), eller søg om godkendelse.',
      en: 'Say in the explanation when Socialstyrelsen approved the change (e.g. "godkendt 12.3.2021"), or apply for approval.',
    },
    why: {
      da: 'Budgetændringer over 10 % eller over 100.000 kr. kræver forudgående godkendelse.',
      en: 'Budget changes over 10 % or over 100.000 kr. need prior approval.',
    },
    source: 'SBST Håndbog om tilskudsregler (ændringer til projektets rammer: overførsel/omplacering)',
  },
  'accounts/missing-explanation': {
    title: { da: 'Stor afvigelse uden forklaring', en: 'Large deviation without explanation' },
    message: {
      da: (a) =>
        `${scope(a, 'da')}Forbruget ${krText(a.actual, 'da')} afviger ${diff(a.expected, a.actual, 'da')} (${pct(a.pct)} %) fra budgettet, og der er ingen forklaring.`,
      en: (a) =>
        `${scope(a, 'en')}Spending ${krText(a.actual, 'en')} deviates ${diff(a.expected, a.actual, 'en')} (${pct(a.pct)} %) from the budget, with no explanation.`,
    },
    hint: { da: 'Forklar afvigelsen og henvis til Socialstyrelsens godkendelse.', en: "Explain the deviation and refer to Socialstyrelsen's approval." },
    why: {
      da: 'Væsentlige afvigelser skal forklares, og afvigelser over tærsklerne skal være godkendt på forhånd.',
      en: 'Significant deviations must be explained, and those above the thresholds approved beforehand.',
    },
    source: 'BEK 614 § 21; SBST Håndbog om tilskudsregler (afrapportering)',
  },
  'accounts/total-exceeds-grant': {
    title: { da: 'Forbruget overstiger tilskuddet', en: 'Spending exceeds the grant' },
    message: {
      da: (a) =>
        `Det samlede forbrug ${krText(a.actual, 'da')} overstiger ${a.source === 'accounts' ? 'det bevilgede beløb' : 'det godkendte budgets tilskud'} ${krText(a.expected, 'da')}.`,
      en: (a) =>
        `Total spending ${krText(a.actual, 'en')} exceeds ${a.source === 'accounts' ? 'the granted amount' : "the approved budget's grant"} ${krText(a.expected, 'en')}.`,
    },
    hint: {
      da: 'Merforbruget skal finansieres af andre midler og fremgå som egenfinansiering.',
      en: 'The overspend must be financed by other funds and shown as own financing.',
    },
    why: { da: 'Tilskuddet dækker højst det bevilgede beløb.', en: 'The grant covers at most the granted amount.' },
    source: 'SBST Håndbog om tilskudsregler (finansiering af projekter)',
  },
  'accounts/unspent-funds': {
    title: { da: 'Ubrugte midler skal tilbagebetales', en: 'Unspent funds to be repaid' },
    message: {
      da: (a) => `${krText(a.unspent, 'da')} af tilskuddet (${krText(a.expected, 'da')}) er ikke brugt.`,
      en: (a) => `${krText(a.unspent, 'en')} of the grant (${krText(a.expected, 'en')}) is unspent.`,
    },
    hint: {
      da: (a) => `Beløbet skal tilbagebetales, medmindre en overførsel til næste år er godkendt (beløb under ${krText(a.deMinimis, 'da')} opkræves ikke).`,
      en: (a) => `The amount is to be repaid unless a transfer to the next year was approved (amounts under ${krText(a.deMinimis, 'en')} are not collected).`,
    },
    why: {
      da: 'Ubrugte midler tilbagebetales; det er en advarsel, fordi en godkendt overførsel kan dække dem, og fordi det ikke er en fejl i regnskabet.',
      en: 'Unspent funds are repaid; a warning because an approved transfer may cover them, and it is no error in the accounts.',
    },
    source: 'SBST Håndbog om tilskudsregler (tilbagebetaling; overførsel af ubrugte midler)',
  },
  'accounts/outside-period': {
    title: { da: 'Forbrug uden for projektperioden', en: 'Spending outside the project period' },
    message: {
      da: (a) =>
        a.stated
          ? `Den oplyste projektperiode ${month(a.statedStart, 'da')}–${month(a.statedEnd, 'da')} ligger delvis uden for puljens periode (${list(a.months, 'da', (m) => month(m, 'da'))})${typeof a.actual === 'number' && a.actual !== 0 ? `; ${krText(a.actual, 'da')} er brugt i de måneder` : ''}.`
          : `${krText(a.actual, 'da')} er brugt uden for projektperioden (${list(a.months, 'da', (m) => month(m, 'da'))}).`,
      en: (a) =>
        a.stated
          ? `The stated project period ${month(a.statedStart, 'en')}–${month(a.statedEnd, 'en')} lies partly outside the pool's period (${list(a.months, 'en', (m) => month(m, 'en'))})${typeof a.actual === 'number' && a.actual !== 0 ? `; ${krText(a.actual, 'en')} was spent in those months` : ''}.`
          : `${krText(a.actual, 'en')} was spent outside the project period (${list(a.months, 'en', (m) => month(m, 'en'))}).`,
    },
    hint: {
      da: (a) => `${a.stated ? 'Puljens projektperiode' : 'Projektperioden'} er ${month(a.start, 'da')}–${month(a.end, 'da')}.`,
      en: (a) => `${a.stated ? "The pool's project period" : 'The project period'} is ${month(a.start, 'en')}–${month(a.end, 'en')}.`,
    },
    why: { da: 'Tilskuddet skal bruges inden for projektperioden.', en: 'The grant must be used within the project period.' },
    source: 'BEK 614 § 21',
  },
  'accounts/no-approved-budget': {
    title: { da: 'Intet godkendt budget til regnskabet', en: 'No approved budget for the accounts' },
    message: {
      da: (a) =>
        Array.isArray(a.ambiguous) && a.ambiguous.length
          ? `Flere godkendte budgetter passer til regnskabet: ${list(a.ambiguous, 'da')}; regnskabet er kun tjekket for sig selv.`
          : `Ingen af de ${a.budgets} godkendte budgetter har regnskabets CVR, ansøgernavn eller filnavn; regnskabet er kun tjekket for sig selv.`,
      en: (a) =>
        Array.isArray(a.ambiguous) && a.ambiguous.length
          ? `Several approved budgets fit the accounts: ${list(a.ambiguous, 'en')}; the accounts were checked on their own.`
          : `None of the ${a.budgets} approved budgets has the accounts' CVR, applicant name or file name; the accounts were checked on their own.`,
    },
    hint: {
      da: 'Læg det godkendte budget i budgetmappen med samme CVR-nr. eller ansøgernavn i Stamdata, eller tjek regnskabet alene med --budget FIL.',
      en: 'Put the approved budget in the budget folder with the same CVR number or applicant name in its metadata, or check the accounts alone with --budget FILE.',
    },
    why: {
      da: 'Regnskabet skal holdes op mod det senest godkendte budget; uden det kan afvigelser, poster uden for budgettet og budgettal, der er ændret, ikke findes. En fejl, fordi tjekket mod budgettet ikke er sket.',
      en: 'The accounts must be held against the latest approved budget; without it, deviations, posts outside the budget and altered budget figures cannot be found. An error because the check against the budget did not happen.',
    },
    source: 'BEK 614 § 21; budgettjek (regnskaber i batch)',
  },
};
