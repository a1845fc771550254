// Fixed texts of the report formats (headings, column names, verdicts) in Danish and English.
import type { Lang, Severity } from '../types.js';

export const LABELS = {
  da: {
    title: 'budgettjek – rapport', files: 'Filer', errors: 'Fejl', warnings: 'Advarsler', infos: 'Info', file: 'Fil', applicant: 'Ansøger',
    requested: 'Ansøgt', verdict: 'Vurdering', ok: 'I orden', bad: 'Fejl', unreadable: 'Ulæselig', rule: 'Regel', severity: 'Alvor',
    sheet: 'Ark', row: 'Række', cell: 'Celle', post: 'Post', expected: 'Forventet', actual: 'Faktisk', message: 'Besked', hint: 'Råd',
    pool: 'Puljen som helhed', noFindings: 'Ingen fund.', noErrors: 'ingen fejl', expenses: 'Udgifter i alt', summary: 'Oversigt',
    severityName: { error: 'fejl', warning: 'advarsel', info: 'info' } as Record<Severity, string>,
  },
  en: {
    title: 'budgettjek – report', files: 'Files', errors: 'Errors', warnings: 'Warnings', infos: 'Info', file: 'File', applicant: 'Applicant',
    requested: 'Requested', verdict: 'Verdict', ok: 'In order', bad: 'Errors', unreadable: 'Unreadable', rule: 'Rule', severity: 'Severity',
    sheet: 'Sheet', row: 'Row', cell: 'Cell', post: 'Post', expected: 'Expected', actual: 'Actual', message: 'Message', hint: 'Hint',
    pool: 'The pool as a whole', noFindings: 'No findings.', noErrors: 'no errors', expenses: 'Total expenses', summary: 'Summary',
    severityName: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
  },
} satisfies Record<Lang, unknown>;
