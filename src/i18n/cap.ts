// Messages of the cap/* rules, in Danish and English.
import type { MessageTable } from './types.js';
import { diff, krText } from './format.js';

export const messages: MessageTable = {
  'cap/pool-exceeded': {
    title: { da: 'Budgettet er større end puljens midler', en: "Budget exceeds the pool's funds" },
    message: {
      da: (a) =>
        `${a.basis === 'requested' ? 'Det ansøgte tilskud' : 'Udgifterne i alt'} (${krText(a.actual, 'da')}) overstiger puljens midler (${krText(a.expected, 'da')}).`,
      en: (a) =>
        `${a.basis === 'requested' ? 'The grant asked for' : 'Total expenses'} (${krText(a.actual, 'en')}) exceed${a.basis === 'requested' ? 's' : ''} the pool's funds (${krText(a.expected, 'en')}).`,
    },
    hint: { da: 'Skær budgettet ned, så det holder sig inden for puljens ramme.', en: 'Cut the budget to fit within the pool.' },
    why: { da: 'Der kan ikke gives mere i tilskud, end puljen har til fordeling.', en: 'No grant can exceed what the pool has to distribute.' },
    source: 'Puljens opslag (midler til fordeling)',
  },
  'cap/annual-exceeded': {
    title: { da: 'Årets udgifter over puljens årlige loft', en: "A year's expenses over the annual cap" },
    message: {
      da: (a) => `Udgifterne i ${a.year} (${krText(a.actual, 'da')}) overstiger puljens årlige ramme (${krText(a.expected, 'da')}).`,
      en: (a) => `Expenses in ${a.year} (${krText(a.actual, 'en')}) exceed the pool's annual cap (${krText(a.expected, 'en')}).`,
    },
    hint: { da: 'Flyt udgifter til et andet projektår eller reducer dem.', en: 'Move costs to another project year or reduce them.' },
    why: { da: 'Puljen fordeler et fast beløb om året.', en: 'The pool distributes a fixed amount per year.' },
    source: 'Puljens opslag (årlig ramme)',
  },
  'cap/application-limit': {
    title: { da: 'Ansøgt beløb uden for puljens grænser', en: "Requested amount outside the pool's limits" },
    message: {
      da: (a) =>
        a.bound === 'applicant'
          ? `Der søges om ${krText(a.actual, 'da')}, mere end puljens maksimum på ${krText(a.expected, 'da')} pr. ansøger.`
          : a.bound === 'max'
            ? `Der søges om ${krText(a.actual, 'da')}, mere end puljens maksimum på ${krText(a.expected, 'da')} pr. ansøgning.`
            : `Der søges om ${krText(a.actual, 'da')}, mindre end puljens minimum på ${krText(a.expected, 'da')} pr. ansøgning.`,
      en: (a) =>
        a.bound === 'applicant'
          ? `The application asks for ${krText(a.actual, 'en')}, above the pool's maximum of ${krText(a.expected, 'en')} per applicant.`
          : a.bound === 'max'
            ? `The application asks for ${krText(a.actual, 'en')}, above the pool's maximum of ${krText(a.expected, 'en')} per application.`
            : `The application asks for ${krText(a.actual, 'en')}, below the pool's minimum of ${krText(a.expected, 'en')} per application.`,
    },
    hint: { da: 'Tilpas budgettet til puljens grænser.', en: "Fit the budget to the pool's limits." },
    why: { da: 'Puljens regler sætter grænser for, hvor meget der kan søges om.', en: "The pool's rules limit how much one application may ask for." },
    source: 'Puljens bekendtgørelse og vejledning',
  },
  'cap/co-financing': {
    title: { da: 'Tilskud eller egenfinansiering uden for puljens krav', en: "Grant or own share outside the pool's requirement" },
    message: {
      da: (a) =>
        a.kind === 'subsidy'
          ? `Der søges om ${krText(a.actual, 'da')}, men puljen dækker højst ${String(a.percent).replace('.', ',')} % af udgifterne (${krText(a.expenses, 'da')}): højst ${krText(a.expected, 'da')}.`
          : `Egen- og medfinansieringen er ${krText(a.actual, 'da')}, men puljen kræver mindst ${String(a.percent).replace('.', ',')} % af udgifterne (${krText(a.expenses, 'da')}): mindst ${krText(a.expected, 'da')}.`,
      en: (a) =>
        a.kind === 'subsidy'
          ? `The application asks for ${krText(a.actual, 'en')}, but the pool covers at most ${a.percent} % of expenses (${krText(a.expenses, 'en')}): at most ${krText(a.expected, 'en')}.`
          : `Own and co-financing is ${krText(a.actual, 'en')}, but the pool requires at least ${a.percent} % of expenses (${krText(a.expenses, 'en')}): at least ${krText(a.expected, 'en')}.`,
    },
    hint: {
      da: 'Sæt det ansøgte tilskud ned, eller øg egen-/medfinansieringen, så finansieringen svarer til puljens krav.',
      en: "Lower the grant asked for, or raise own/co-financing, to meet the pool's requirement.",
    },
    why: {
      da: 'Nogle puljer dækker kun en del af udgifterne (fx 80 % af de støtteberettigede udgifter) eller kræver en egenfinansiering; et budget, der søger mere, kan ikke bevilges som søgt.',
      en: 'Some pools cover only part of the costs (e.g. 80 % of eligible costs) or require an own share; a budget asking for more cannot be granted as asked.',
    },
    source: 'Puljens profil (medfinansiering); SBST Håndbog om tilskudsregler (finansiering af projekter)',
  },
  'cap/requested-mismatch': {
    title: { da: 'Ansøgt beløb stemmer ikke med budgettet', en: 'Requested amount does not match the budget' },
    message: {
      da: (a) =>
        `Ansøgt beløb er ${krText(a.actual, 'da')}, men ${a.basis === 'financing' ? 'finansieringens "Ansøgt tilskud"' : 'budgettets udgifter i alt'} er ${krText(a.expected, 'da')} (forskel ${diff(a.expected, a.actual, 'da')}).`,
      en: (a) =>
        `The requested amount is ${krText(a.actual, 'en')}, but ${a.basis === 'financing' ? 'the financing\'s "Ansøgt tilskud"' : "the budget's total expenses"} is ${krText(a.expected, 'en')} (difference ${diff(a.expected, a.actual, 'en')}).`,
    },
    hint: { da: 'Ret det ansøgte beløb, så det svarer til budgettet.', en: 'Correct the requested amount to match the budget.' },
    why: {
      da: 'Det ansøgte tilskud skal svare til budgettet; ellers er det uklart, hvad der søges om.',
      en: 'The grant applied for must match the budget, or it is unclear what is asked for.',
    },
    source: 'SBST Håndbog om tilskudsregler (finansiering af projekter)',
  },
  'cap/financing-mismatch': {
    title: { da: 'Finansiering og udgifter stemmer ikke', en: 'Financing does not equal expenses' },
    message: {
      da: (a) =>
        `Finansieringen i alt (${krText(a.actual, 'da')}) er ikke lig med udgifterne i alt (${krText(a.expected, 'da')}); forskel ${diff(a.expected, a.actual, 'da')}.`,
      en: (a) =>
        `Total financing (${krText(a.actual, 'en')}) does not equal total expenses (${krText(a.expected, 'en')}); difference ${diff(a.expected, a.actual, 'en')}.`,
    },
    hint: {
      da: 'Budgettet må hverken være over- eller underfinansieret: ret ansøgt tilskud eller egen-/medfinansiering.',
      en: 'The budget may be neither over- nor under-financed: adjust the requested grant or own/co-financing.',
    },
    why: { da: 'Den samlede finansiering skal svare til de budgetterede udgifter.', en: 'Total financing must equal budgeted expenses.' },
    source: 'SBST Håndbog om tilskudsregler (finansiering af projekter)',
  },
};
