// Messages of the itemisation/* rules, in Danish and English.
import type { MessageTable } from './types.js';
import { kr } from './format.js';

export const messages: MessageTable = {
  'itemisation/duplicate-post': {
    title: { da: 'Samme post to gange', en: 'The same post twice' },
    message: {
      da: (a) => `Posten står også i ${a.first} med samme tekst og specifikation.`,
      en: (a) => `The post also appears in ${a.first} with the same text and specification.`,
    },
    hint: { da: 'Slå linjerne sammen, eller skriv i specifikationen, hvad der adskiller dem.', en: 'Merge the lines, or say in the specification what sets them apart.' },
    why: { da: 'Dobbelte poster tælles ofte dobbelt ved en fejl, og de gør budgettet svært at følge.', en: 'Duplicate posts are often counted twice by mistake and make the budget hard to follow.' },
    source: 'BEK 614 § 9 (specificeret budget)',
  },
  'itemisation/missing-note': {
    title: { da: 'Stor post uden budgetnote', en: 'Large post without a budget note' },
    message: {
      da: (a) => `Posten er på ${kr(a.actual, 'da')} (over ${kr(a.expected, 'da')}) og har ingen budgetnote.`,
      en: (a) => `The post is ${kr(a.actual, 'en')} (over ${kr(a.expected, 'en')}) and has no budget note.`,
    },
    hint: {
      da: (a) => (a.hasNoteColumn ? 'Skriv i budgetnoten, hvad beløbet dækker, og hvorfor det er nødvendigt.' : 'Tilføj en kolonne "Budgetnote" og forklar de store poster.'),
      en: (a) => (a.hasNoteColumn ? 'Say in the budget note what the amount covers and why it is needed.' : 'Add a "Budgetnote" column and explain the large posts.'),
    },
    why: { da: 'Socialstyrelsen vurderer ansøgningen ud fra budgettet og budgetnoterne; store poster skal begrundes.', en: 'Socialstyrelsen assesses the application on the budget and its notes; large posts need a reason.' },
    source: 'Puljens opslag ("budgettet herunder eventuelle budgetnoter"); SBST Håndbog om tilskudsregler',
  },
};
