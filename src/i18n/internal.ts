// Messages of internal/* findings, in Danish and English.
import type { MessageTable } from './types.js';

export const messages: MessageTable = {
  'internal/rule-failed': {
    title: { da: 'En regel fejlede på filen', en: 'A rule failed on the file' },
    message: {
      da: (a) => `Reglen ${a.failedRule} kunne ikke køres på filen (${a.error}); de øvrige regler er kørt.`,
      en: (a) => `The rule ${a.failedRule} could not run on this file (${a.error}); the other rules ran.`,
    },
    hint: { da: 'Tjek filen manuelt for dette punkt, og meld fejlen til budgettjek.', en: 'Check this point by hand and report the bug to budgettjek.' },
    why: { da: 'En programfejl i én regel må ikke stoppe tjekket af resten.', en: 'A bug in one rule must not stop the rest of the check.' },
    source: 'budgettjek',
  },
};
