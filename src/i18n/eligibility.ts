// Messages of the eligibility/* rules, in Danish and English.
import { categoryLabel } from '../itemise/index.js';
import { krText, list, month } from './format.js';
import type { MessageTable } from './types.js';

export const messages: MessageTable = {
  'eligibility/ineligible-expense': {
    title: { da: 'Udgift, der ikke er støtteberettiget', en: 'Expense that is not eligible' },
    message: {
      da: (a) =>
        `Posten ligner en udgift, der ikke kan gives tilskud til: ${categoryLabel(String(a.category), 'da').toLowerCase()} ("${a.matched}"), ${krText(a.actual, 'da')}.`,
      en: (a) =>
        `The post looks like an expense that cannot be funded: ${categoryLabel(String(a.category), 'en').toLowerCase()} ("${a.matched}"), ${krText(a.actual, 'en')}.`,
    },
    hint: { da: 'Fjern udgiften fra budgettet, eller finansier den på anden vis.', en: 'Remove the expense from the budget, or finance it otherwise.' },
    why: {
      da: 'Der gives ikke tilskud til køb af fast ejendom, anlæg/ombygning/renovering, dækning af underskud, underhold, generel uddannelse af frivillige, projekter i udlandet/Grønland/Færøerne, overskudsdeling og engangsvederlag i løn, eller moms, som modtageren får refunderet.',
      en: 'No grant covers real property, construction/conversion/renovation, deficits, living costs, general training of volunteers, projects abroad/in Greenland/the Faroes, profit-sharing and one-off bonuses, or VAT the recipient gets refunded.',
    },
    source: 'BEK 614 § 14; SBST Håndbog om tilskudsregler (løn, moms)',
  },
  'eligibility/equipment-cap': {
    title: { da: 'Anskaffelser over loftet pr. projektår', en: 'Equipment over the cap per project year' },
    message: {
      da: (a) =>
        `Anskaffelser i projektår ${a.year} (${month(a.from, 'da')}–${month(a.to, 'da')}) er på ${krText(a.actual, 'da')}, over loftet på ${krText(a.expected, 'da')}.`,
      en: (a) =>
        `Equipment purchases in project year ${a.year} (${month(a.from, 'en')}–${month(a.to, 'en')}) total ${krText(a.actual, 'en')}, over the cap of ${krText(a.expected, 'en')}.`,
    },
    hint: {
      da: 'Reducer anskaffelserne, fordel dem på flere projektår, eller lej udstyret.',
      en: 'Reduce the purchases, spread them over project years, or rent the equipment.',
    },
    why: {
      da: 'Materielanskaffelser over 50.000 kr. pr. år er ikke støtteberettigede.',
      en: 'Equipment purchases above 50.000 kr. per year are not eligible.',
    },
    source: 'BEK 614 § 14, nr. 1',
  },
  'eligibility/mileage-rate': {
    title: { da: 'Kilometertakst over statens lave takst', en: "Mileage rate above the state's low rate" },
    message: {
      da: (a) =>
        a.some
          ? `Kørsel er budgetteret til ${krText(a.actual, 'da')}/km; det er over statens lave takst på ${krText(a.expected, 'da')}/km i ${list(a.months, 'da', (m) => month(m, 'da'))}, men ikke over den højeste takst i projektets måneder (${krText(a.highest, 'da')}/km).`
          : `Kørsel er budgetteret til ${krText(a.actual, 'da')}/km, men statens lave takst er højst ${krText(a.expected, 'da')}/km i de måneder, posten har udgifter (${month(a.month, 'da')}).`,
      en: (a) =>
        a.some
          ? `Mileage is budgeted at ${krText(a.actual, 'en')}/km; that is above the state's low rate of ${krText(a.expected, 'en')}/km in ${list(a.months, 'en', (m) => month(m, 'en'))}, but not above the highest rate in the project's months (${krText(a.highest, 'en')}/km).`
          : `Mileage is budgeted at ${krText(a.actual, 'en')}/km, but the state's low rate is at most ${krText(a.expected, 'en')}/km in the months the post spends in (${month(a.month, 'en')}).`,
    },
    hint: {
      da: (a) =>
        a.some
          ? `Budgettér hver måned med den takst, der gælder da (${a.source}), eller skriv, hvilke år taksten gælder.`
          : `Brug højst statens lave takst (${a.source}).`,
      en: (a) =>
        a.some
          ? `Budget each month at the rate in force then (${a.source}), or say which years the rate applies to.`
          : `Use at most the state's low rate (${a.source}).`,
    },
    why: {
      da: 'Kørsel i egen bil dækkes højst med statens lave takst pr. km for almindelig godkendt kørsel; taksten fastsættes pr. år og kan ændres i løbet af året. Over den højeste takst i projektets måneder er det en fejl; over taksten i nogle af månederne kun en advarsel, fordi et budget, der er skrevet før en takst blev offentliggjort, ikke kan kende den.',
      en: "Own-car driving is covered at most at the state's low per-km rate, set per year and sometimes changed within a year. Above the highest rate in the project's months is an error; above the rate of some months only a warning, since a budget written before a rate was published cannot know it.",
    },
    source: 'BEK 614 § 9; statens satsreguleringscirkulære (kørselsgodtgørelse, lav sats); Skatterådets satser 2025–2026',
  },
  'eligibility/missing-audit': {
    title: { da: 'Ingen post til revision', en: 'No audit post' },
    message: {
      da: (a) =>
        `Budgettet har ingen post til revision${a.performance ? ` (tilskud over ${krText(a.performanceAbove ?? 50_000_000, 'da')} kræver også forvaltningsrevision)` : a.registered ? ` (tilskud over ${krText(a.registeredAbove ?? 10_000_000, 'da')} kræver registreret eller statsautoriseret revisor)` : ''}.`,
      en: (a) =>
        `The budget has no audit post${a.performance ? ` (grants over ${krText(a.performanceAbove ?? 50_000_000, 'en')} also need a performance audit)` : a.registered ? ` (grants over ${krText(a.registeredAbove ?? 10_000_000, 'en')} need a registered or state-authorised auditor)` : ''}.`,
    },
    hint: { da: 'Tilføj en post "Revision" med antal erklæringer × pris.', en: 'Add a "Revision" post with number of statements × price.' },
    why: {
      da: 'Regnskabet skal revideres; revisionsudgifter er støtteberettigede og bør budgetteres.',
      en: 'The accounts must be audited; audit costs are eligible and should be budgeted.',
    },
    source: 'BEK 614 § 25; SBST Håndbog om tilskudsregler (revision)',
  },
  'eligibility/overhead-limit': {
    title: { da: 'Overhead over puljens procentsats', en: "Overhead above the pool's percentage" },
    message: {
      da: (a) =>
        `Overhead i alt ${krText(a.actual, 'da')} er mere end de ${String(a.percent).replace('.', ',')} % af ${a.base === 'salaries' ? 'lønudgifterne' : 'de direkte udgifter'} (${krText(a.baseOre, 'da')}), som puljen tillader: højst ${krText(a.expected, 'da')}.`,
      en: (a) =>
        `Overhead of ${krText(a.actual, 'en')} in all is more than the ${a.percent} % of ${a.base === 'salaries' ? 'salaries' : 'direct costs'} (${krText(a.baseOre, 'en')}) the pool allows: at most ${krText(a.expected, 'en')}.`,
    },
    hint: {
      da: 'Sæt overhead ned til puljens procentsats af grundlaget, eller specificér udgifterne som egne poster.',
      en: "Lower the overhead to the pool's percentage of its base, or specify the costs as posts of their own.",
    },
    why: {
      da: 'Nogle tilskudsgivere tillader overhead op til en procentdel af fx lønsummen (DEFF: 20 %); mere end det er ikke støtteberettiget. Hvor puljen ikke tillader overhead (SBST), er det en samlepost.',
      en: 'Some funders allow overhead up to a percentage of e.g. salaries (DEFF: 20 %); more is not eligible. Where the pool allows none (SBST), it is a lump sum.',
    },
    source: 'Puljens profil (overhead); BEK 614 § 9 for puljer uden overhead',
  },
  'eligibility/unclassified-expense': {
    title: { da: 'Ukendt udgiftstype', en: 'Unknown expense type' },
    message: {
      da: (a) => `Ingen kendt udgiftskategori passer på posten (${krText(a.actual, 'da')}).`,
      en: (a) => `No known expense category fits the post (${krText(a.actual, 'en')}).`,
    },
    hint: {
      da: 'Skriv udgiftstypen i posten eller i en kolonne "Kategori" (fx Løn, Transport, Revision).',
      en: 'Name the expense type in the post or in a "Kategori" column (e.g. Løn, Transport, Revision).',
    },
    why: {
      da: 'Kun kendte udgiftstyper kan tjekkes for støtteberettigelse; sagsbehandleren må se på resten.',
      en: 'Only known expense types can be checked for eligibility; the caseworker must look at the rest.',
    },
    source: 'budgettjek (udgiftsordforråd); SBST Håndbog om tilskudsregler',
  },
  'eligibility/vat-included': {
    title: { da: 'Budget inkl. moms, men ansøgeren får momsen refunderet', en: 'Budget incl. VAT, but the applicant gets VAT refunded' },
    message: {
      da: (a) =>
        `Budgettet er opgjort inkl. moms ("${a.raw}"), men puljens ansøgere (${a.applicants === 'municipality' ? 'kommuner' : String(a.applicants)}) får momsen refunderet.`,
      en: (a) =>
        `The budget is stated incl. VAT ("${a.raw}"), but the pool's applicants (${a.applicants === 'municipality' ? 'municipalities' : String(a.applicants)}) get VAT refunded.`,
    },
    hint: {
      da: 'Opgør alle beløb ekskl. moms og ret feltet Moms til "ekskl. moms".',
      en: 'State every amount ex. VAT and set the Moms field to "ekskl. moms".',
    },
    why: {
      da: 'Moms er kun en støtteberettiget udgift, hvis modtageren selv bærer den; kommuner får købsmomsen refunderet via momsrefusionsordningen.',
      en: 'VAT is eligible only when the recipient bears it; municipalities get purchase VAT refunded through the VAT refund scheme.',
    },
    source: 'SBST Håndbog om tilskudsregler (økonomi: moms); Momsrefusionsordning for kommuner og regioner',
  },
};
