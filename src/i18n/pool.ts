// Messages of the pool/* rules (a batch as a whole), in Danish and English.
import type { MessageTable } from './types.js';
import { krText, list } from './format.js';

export const messages: MessageTable = {
  'pool/oversubscribed': {
    title: { da: 'Puljen er overtegnet', en: 'The pool is oversubscribed' },
    message: {
      da: (a) =>
        `De ${a.files} ansøgninger søger tilsammen ${krText(a.actual, 'da')}, ${krText(a.over, 'da')} mere end puljens ${krText(a.expected, 'da')} (${String(a.ratio).replace('.', ',')} gange puljen).`,
      en: (a) =>
        `The ${a.files} applications ask for ${krText(a.actual, 'en')} together, ${krText(a.over, 'en')} more than the pool's ${krText(a.expected, 'en')} (${a.ratio} times the pool).`,
    },
    hint: { da: 'Ansøgningerne skal prioriteres efter tildelingskriterierne.', en: 'The applications must be prioritised by the award criteria.' },
    why: {
      da: 'Sagsbehandleren skal vide, om puljen kan dække alle ansøgninger.',
      en: 'The caseworker needs to know whether the pool can cover all applications.',
    },
    source: 'Puljens opslag (midler til fordeling)',
  },
  'pool/duplicate-applicant': {
    title: { da: 'Samme ansøger (CVR) i flere filer', en: 'The same applicant (CVR) in several files' },
    message: {
      da: (a) =>
        `CVR ${a.cvr}${a.applicant ? ` (${a.applicant})` : ''} står i ${Array.isArray(a.files) ? a.files.length : 2} filer: ${list(a.files, 'da')}.${a.oneGrantPerApplicant ? ' Puljen giver kun ét tilskud pr. ansøger.' : ''}`,
      en: (a) =>
        `CVR ${a.cvr}${a.applicant ? ` (${a.applicant})` : ''} appears in ${Array.isArray(a.files) ? a.files.length : 2} files: ${list(a.files, 'en')}.${a.oneGrantPerApplicant ? ' The pool gives one grant per applicant.' : ''}`,
    },
    hint: {
      da: 'Tjek om det er en genfremsendelse eller en dublet, og behandl kun den gældende ansøgning.',
      en: 'Check whether it is a resubmission or a duplicate, and handle only the valid application.',
    },
    why: {
      da: 'To ansøgninger fra samme ansøger i én pulje er oftest en dublet eller en rettet version; som advarsel, fordi det kan være to forskellige projekter.',
      en: 'Two applications from one applicant in a pool are usually a duplicate or a corrected version; a warning because they may be two different projects.',
    },
    source: 'budgettjek (puljebehandling)',
  },
};
