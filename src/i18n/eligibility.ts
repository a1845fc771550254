// Messages of the eligibility/* rules, in Danish and English.
import type { MessageTable } from './types.js';

export const messages: MessageTable = {
  'eligibility/vat-included': {
    title: { da: 'Budget inkl. moms, men ansøgeren får momsen refunderet', en: 'Budget incl. VAT, but the applicant gets VAT refunded' },
    message: {
      da: (a) => `Budgettet er opgjort inkl. moms ("${a.raw}"), men puljens ansøgere (${a.applicants === 'municipality' ? 'kommuner' : String(a.applicants)}) får momsen refunderet.`,
      en: (a) => `The budget is stated incl. VAT ("${a.raw}"), but the pool's applicants (${a.applicants === 'municipality' ? 'municipalities' : String(a.applicants)}) get VAT refunded.`,
    },
    hint: { da: 'Opgør alle beløb ekskl. moms og ret feltet Moms til "ekskl. moms".', en: 'State every amount ex. VAT and set the Moms field to "ekskl. moms".' },
    why: { da: 'Moms er kun en støtteberettiget udgift, hvis modtageren selv bærer den; kommuner får købsmomsen refunderet via momsrefusionsordningen.', en: 'VAT is eligible only when the recipient bears it; municipalities get purchase VAT refunded through the VAT refund scheme.' },
    source: 'SBST Håndbog om tilskudsregler (økonomi: moms); Momsrefusionsordning for kommuner og regioner',
  },
};
