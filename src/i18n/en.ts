// English: one table of everything budgettjek says in this language — `rules`, the wording of every rule (title,
// message, hint, why; its type RuleMessages makes the compiler insist on an entry for every rule id, each message typed
// with that rule's args), and `labels`, the fixed texts of the reports, the batch summary, the charts, pools, the
// budget form, the web page and the command line (type Labels). A new language is a file like this one.
import { categoryLabel } from '../itemise/index.js';
import { diff, inSentence, krText, list, month, monthOrQuarter, productEquals, quarterOfMonths } from './format.js';
import type { Labels } from './labels.js';
import type { MessageInput, RuleMessages } from './rule-messages.js';

export const labels: Labels = {
  name: 'English',
  severity: { error: 'error', warning: 'warning', info: 'info' },
  decimal: '.',
  report: {
    title: 'budgettjek – report',
    files: 'Files',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Info',
    file: 'File',
    applicant: 'Applicant',
    requested: 'Requested',
    verdict: 'Verdict',
    ok: 'In order',
    bad: 'Errors',
    unreadable: 'Unreadable',
    rule: 'Rule',
    severity: 'Severity',
    sheet: 'Sheet',
    row: 'Row',
    cell: 'Cell',
    post: 'Post',
    expected: 'Expected',
    actual: 'Actual',
    message: 'Message',
    hint: 'Hint',
    pool: 'The pool as a whole',
    noFindings: 'No findings.',
    noErrors: 'no errors',
    expenses: 'Total expenses',
    summary: 'Summary',
  },
  text: {
    expected: 'expected',
    found: 'found',
    hint: 'Hint',
    clean: 'No findings.',
    pool: 'The pool as a whole',
    summary: (s) =>
      `${s.files} file${s.files === 1 ? '' : 's'} checked: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info.`,
    expenses: 'Total expenses',
    requested: 'Requested amount',
    applicant: 'Applicant',
    // The text report has always printed the pool id after the Danish word, in English too.
    poolId: 'pool',
    approved: 'approved budget',
  },
  batch: {
    file: 'File',
    applicant: 'Applicant',
    requested: 'Requested',
    missing: 'missing',
    errors: 'Errors',
    warnings: 'Warnings',
    verdict: 'Verdict',
    ok: 'in order',
    bad: 'errors',
    unreadable: 'unreadable',
    total: 'Total',
    pool: 'Pool funds',
    diff: 'Difference',
  },
  html: {
    heading: 'The pool',
    funds: 'Pool funds',
    requested: 'Requested in all',
    clean: 'Requested by budgets with no error',
    ratio: 'Ratio',
    applications: (n) => `${n} application${n === 1 ? '' : 's'}`,
  },
  xlsx: {
    // The sheet names stay Danish in English too (a caseworker's macros and links find them by name).
    overview: 'Oversigt',
    findings: 'Fund',
    cvr: 'CVR',
    expenses: 'Expenses',
    topRules: 'Most frequent rules',
    found: 'Found',
    pool: 'The pool',
    funds: 'Pool funds',
    requestedAll: 'Requested by the budgets in all',
    requestedClean: 'Requested by budgets with no error',
    ratio: 'Ratio (requested / funds)',
    poolRow: '(the pool)',
  },
  charts: {
    pool: "Requested amounts against the pool's funds",
    funds: 'Pool funds',
    all: 'All applications',
    months: 'Expenses per month',
    quarters: 'Expenses per quarter',
    posts: 'Budget and spending per post',
    budget: 'Budget',
    actual: 'Spent',
    share: 'of the pool',
    spike: 'more than twice the typical month',
    million: 'm',
    thousand: 'k',
    quarter: ' Q',
  },
  explain: { severity: 'Default severity', why: 'Why', source: 'Source', fix: 'How to fix' },
  pools: {
    columns: ['id', 'name', 'funds', 'period', 'applicants', 'caps', 'VAT'],
    englishName: true,
    unknownPeriod: 'unknown',
    year: 'year',
    perApplicant: 'per applicant',
    yes: 'yes',
    no: 'no',
    applicantTypes: {
      municipality: 'municipalities',
      association: 'associations',
      organisation: 'organisations',
      partnership: 'partnerships',
      any: 'anyone',
    },
    auditRequirements: {
      declaration: 'a declaration on honour',
      'independent-accountant': 'an independent person skilled in accounts',
      'registered-auditor': 'a registered or state-authorised auditor',
      'performance-audit': 'also a performance audit',
    },
    show: {
      funds: 'Funds',
      period: 'Project period',
      periodOpen: "the application's own period bounds the checks",
      distributedBy: 'Budget distributed by',
      quarters: 'quarters (a monthly budget satisfies it too)',
      months: 'months',
      deadline: 'Deadline',
      applicants: 'Applicants',
      oneGrant: 'One grant per applicant',
      maxPerApplicant: 'Most per applicant',
      vatEligible: 'VAT eligible',
      vatYes: 'yes, where the recipient bears it',
      vatNo: 'no (budget ex. VAT)',
      vatCompensation: 'Associations may get partial VAT compensation (momskompensation); check whether the pool wants it deducted.',
      fondsmoms: 'Fondsmoms for municipalities',
      annualCap: 'Annual cap',
      perApplication: 'Per application',
      coFinancing: 'Co-financing',
      subsidyAtMost: 'subsidy at most',
      ofExpenses: 'of expenses',
      ownShareAtLeast: 'own share at least',
      noRequirement: 'no requirement',
      overheadNone: 'not allowed (a lump sum)',
      atMost: 'at most',
      of: 'of',
      salaries: 'salaries',
      directCosts: 'direct costs',
      equipment: 'Equipment',
      perProjectYear: 'per project year',
      keepUpTo: 'may be kept without approval up to',
      noteAbove: 'Budget note above',
      deviations: 'Deviations in the accounts',
      over: 'over',
      or: 'or',
      perPost: 'per post',
      perMainLine: 'per main line',
      needApproval: 'need approval',
      salaryLineChanges: 'any change to a salary line',
      newPosts: 'a new post always',
      repayFrom: 'Repayment from',
      audit: 'Audit',
      lumpSumTerms: 'Lump-sum terms',
      notEligible: 'Not eligible',
      nationalData: 'national data',
      mileageRates: 'Mileage rates (state low rate)',
      sources: 'Sources',
      covers: 'covers',
      note: 'Note',
    },
  },
  template: {
    // The English form keeps the Danish labels (the pool's forms and the checker speak Danish); instructions are English.
    stamdata: 'Stamdata',
    budget: 'Budget',
    instructionsSheet: 'Instructions',
    lists: 'Lists',
    fields: { applicant: 'Ansøger', cvr: 'CVR-nr.', title: 'Projekttitel', pool: 'Pulje', requested: 'Ansøgt beløb', period: 'Projektperiode', vat: 'Moms' },
    vatExcl: 'ekskl. moms',
    header: { post: 'Budgetpost', spec: 'Specifikation', category: 'Kategori', note: 'Budgetnote', total: 'I alt' },
    sections: ['1. Løn', '2. Aktiviteter', '3. Revision og evaluering'],
    totalRow: 'I alt udgifter',
    financing: 'Finansiering',
    financingRows: ['Ansøgt tilskud', 'Egenfinansiering', 'Medfinansiering', 'Andre tilskud'],
    financingTotal: 'Finansiering i alt',
    typeHere: "Fill in the yellow cells. Amounts in kroner ex. VAT where the applicant gets VAT refunded. (Labels stay Danish: the pool's forms are Danish.)",
    title: (name, nameEn) => `Budget – ${nameEn ?? name}`,
    cvrError: 'A CVR number has 8 digits.',
    cvrPrompt: '8 digits, e.g. 29189919',
    instructions: (f) => [
      ['Rule', 'Source'],
      [
        `Pool: ${f.nameEn ?? f.name} (${f.id}); funds ${f.funds === undefined ? 'not published' : `${f.funds} kr.`}; period ${f.start} – ${f.end}.`,
        f.firstSource,
      ],
      [
        `Spread every expense over the ${f.quarterly ? 'quarters (the pool budgets and pays by quarter; months satisfy it too)' : 'months'} of each project year in which it falls; nothing outside the project period.`,
        f.src('S1', 'H8'),
      ],
      ['Specify every post as units × unit price, e.g. "2 konferencer à 100.000 kr.".', f.src('S6', 'H1')],
      [
        'Salary as hours × hourly rate, or monthly pay × months with weekly hours ("37 t/uge, 45.000 kr./md., 33 mdr."), under salary posts only.',
        f.src('S6', 'H2'),
      ],
      [`No lump sums: ${f.lumpSumTerms}.`, f.src('S1')],
      [`Not eligible: ${f.ineligible}.`, f.src('S2')],
      [`Equipment purchases at most ${f.equipmentPerYear} kr. per project year.`, f.src('S2')],
      [`Own-car driving at most the state's low rate per km: ${f.mileageRates}.`, f.src('S1', 'K5')],
      [
        f.vatEligible ? 'VAT is eligible only where the applicant bears it.' : 'The applicants get VAT refunded: budget every amount ex. VAT.',
        f.src('S11', 'H12', 'M4', 'S6'),
      ],
      ['Total financing must equal total expenses; the requested grant must match the budget.', f.src('S6', 'H13')],
      [
        `Budget notes for posts over ${f.noteAbove} kr.; an audit post (grants over ${f.registeredAuditorAbove} kr. need a registered auditor${f.performanceAuditAbove !== undefined ? `, over ${f.performanceAuditAbove} kr. also a performance audit` : ''}).`,
        f.src('S4', 'H3'),
      ],
    ],
  },
  web: {
    title: 'budgettjek: check a budget in the browser',
    intro: 'The files are read here in the browser. Nothing is sent anywhere: the page fetches and sends nothing.',
    choose: 'Choose .xlsx or .csv files, or drop them here',
    pool: 'Pool',
    auto: "From the workbook's Pulje field",
    lang: 'Language',
    checking: 'Checking …',
    done: (n) => `Checked: ${n} ${n === 1 ? 'file' : 'files'}.`,
    download: 'Download the JSON report',
    json: 'The JSON report',
    failed: 'The check could not run',
  },
  cli: {
    notAnnotated: (path, why, detail) =>
      `${path}: no annotated copy (${
        {
          'not-read': 'the file could not be read',
          'too-large': 'the file is past the limits of what is checked',
          'not-ooxml': 'the file is not built as an .xlsx file is',
          failed: 'the copy could not be written',
        }[why]
      }${detail ? `: ${detail}` : ''})`,
    approvedNotRead: (path, why) => `${path}: not used as an approved budget (${why})`,
    watching: 'Watching the files; checking again each time one is saved (Ctrl-C stops).',
    again: '— checked again —',
    posts: (n) => `${n} posts`,
    profileWritten: (file, id) => `${file}: ${id} (fill in name, applicants.type and sources, then: budgettjek pools show ${file})`,
    baselineWritten: (file, n) => `wrote ${file} accepting ${n} ${n === 1 ? 'finding' : 'findings'}`,
    baselineHidden: (n, file) => `${n} ${n === 1 ? 'accepted finding' : 'accepted findings'} hidden by ${file}`,
    baselineStale: (n) => `${n} baseline entr${n === 1 ? 'y matches' : 'ies match'} no finding any more (stale; --write-baseline rewrites the file):`,
    more: (n) => `… and ${n} more`,
    errors: [],
  },
};

// input/*: what the file is, and what to do about it.
const WHAT: Record<string, string> = {
  empty: 'The file is empty.',
  xls: 'The file is in the old Excel format (.xls), which budgettjek does not read.',
  encrypted: 'The file is password-protected (encrypted).',
  ods: 'The file is an OpenDocument spreadsheet (.ods).',
  numbers: 'The file is an Apple Numbers document.',
  xlsb: 'The file is a binary Excel workbook (.xlsb).',
  html: 'The file is an HTML page saved under a spreadsheet file name (e.g. "HTML saved as .xls").',
  xml2003: 'The file is an Excel 2003 XML spreadsheet.',
  pdf: 'The file is a PDF, not a spreadsheet.',
  rtf: 'The file is a text document (RTF), not a spreadsheet.',
  binary: 'The file is not a spreadsheet (unknown binary format).',
  'zip-not-workbook': 'The file is a zip archive but not an Excel workbook (e.g. a Word document).',
  'corrupt-zip': 'The file is damaged and cannot be opened as an Excel workbook.',
  truncated: 'The file is truncated or damaged (e.g. half downloaded).',
  'zip-method': 'The file uses a compression Excel workbooks do not use.',
  'xml-doctype': 'The file holds XML with a DOCTYPE/entities, which no spreadsheet has; refused for safety.',
  'not-found': 'The file does not exist.',
  'is-directory': 'The path is a directory, not a file.',
  'folder-no-access': 'The folder cannot be read (no access); the files in it were not checked.',
  'folder-unreadable': 'The folder cannot be read; the files in it were not checked.',
  'dangling-link': 'The path is a symbolic link to a file that does not exist.',
  'no-access': 'The file cannot be read (no access).',
  'io-error': 'The file could not be read.',
  'not-a-spreadsheet': 'The file cannot be read as a spreadsheet.',
  crash: 'The file made reading fail.',
  'approved-budget': 'The approved budget could not be read.',
  fods: 'The file is a flat OpenDocument spreadsheet (.fods, LibreOffice XML).',
  gnumeric: 'The file is a Gnumeric workbook (.gnumeric, compressed XML).',
  xml: 'The file is an XML document, not a workbook budgettjek reads (.xlsx, .xlsm, .csv).',
  'link-loop': 'The path is a symbolic link that leads back to itself (a loop of links).',
  'not-a-file': 'The path is not an ordinary file (a pipe, a socket or a device).',
  'folder-named-as-file': "The path is a folder with a workbook's name (perhaps an unpacked .xlsx), not a file.",
};

const HINT: Record<string, string> = {
  xls: 'Open the file in Excel or LibreOffice and save it as an Excel workbook (.xlsx).',
  encrypted: 'Save the file as .xlsx without a password (Excel: File > Info > Protect Workbook > Encrypt with Password, clear it) and run again.',
  ods: 'Open the file in LibreOffice and choose File > Save As > Excel 2007-365 (.xlsx).',
  numbers: 'Open the file in Numbers and choose File > Export To > Excel (.xlsx).',
  xlsb: 'Open the file in Excel and save it as an Excel workbook (.xlsx).',
  html: 'Open the file in Excel or LibreOffice and save it as an Excel workbook (.xlsx).',
  xml2003: 'Open the file in Excel and save it as an Excel workbook (.xlsx).',
  truncated: 'Download the file again from Tilskudsportalen or the e-mail, and run again.',
  'corrupt-zip': 'Download the file again; if Excel opens it, save it anew as .xlsx.',
  'not-found': 'Check the path and the file name.',
  'no-access': 'Check the file permissions.',
  'folder-no-access': 'Check the folder permissions, or run budgettjek as a user who can read it.',
  'dangling-link': 'Fix the link so it points at the application file, or delete it.',
  fods: 'Open the file in LibreOffice and choose File > Save As > Excel 2007-365 (.xlsx).',
  gnumeric: 'Open the file in Gnumeric or LibreOffice and save it as an Excel workbook (.xlsx).',
  'corrupt-part': 'Download the file again; if Excel opens it, save it anew as .xlsx.',
  'missing-part': 'Download the file again; if Excel opens it, save it anew as .xlsx.',
  'past-grid': 'Open the file in Excel or LibreOffice and save it anew as .xlsx; if it was made by a program, have it write cells within A1:XFD1048576.',
  'link-loop': 'Fix the link so it points at the application file, or delete it.',
  'not-a-file': 'Give the path of the workbook file itself.',
  'folder-named-as-file': 'Give the workbook file itself (the .xlsx as it was sent), not a folder.',
  'is-directory': 'Give the workbook file itself, not a folder.',
};
/** The message of an input/unreadable or input/unsupported-format finding: what the file is, with the part or sheet
 * where the reader found it damaged, and for an approved budget why it could not be read. */
function inputMessage(a: { what: string; entry?: string; detail?: string; found?: number }): string {
  switch (a.what) {
    case 'corrupt-part':
      return `The file is damaged: a part of it${a.entry ? ` (${a.entry})` : ''} is cut off or is not XML (e.g. half downloaded, or cut off when saved).`;
    case 'missing-part':
      return `The file is damaged: the sheet ${a.detail ?? ''} is listed in it, but its part${a.entry ? ` (${a.entry})` : ''} is missing.`;
    case 'past-grid':
      return `The sheet ${a.detail ?? ''} holds a cell past Excel's last row or column (XFD1048576), which no spreadsheet program writes: the file is damaged or made by hand.`;
    case 'approved-budget': {
      const why = a.detail ? (WHAT[a.detail] ?? a.detail) : '';
      return `The approved budget could not be read${why ? `: ${why}` : '.'}`;
    }
    default:
      return WHAT[a.what] ?? WHAT['not-a-spreadsheet'];
  }
}
const inputHint = (a: { what: string; detail?: string }, otherwise: string) => HINT[a.what === 'approved-budget' ? String(a.detail) : a.what] ?? otherwise;

const mb = (n: unknown) => (typeof n === 'number' ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : '?');
const localeNum = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-GB') : '?');

function tooLarge(a: MessageInput<'input/too-large'>): string {
  switch (a.what) {
    case 'file-size':
      return `The file is ${mb(a.found)}, over the limit of ${mb(a.limit)}.`;
    case 'entries':
      return `The file has ${localeNum(a.found)} parts, over the limit of ${localeNum(a.limit)}.`;
    case 'inflated-size':
      return `The file unpacks to more than ${mb(a.limit)} (${a.entry ?? ''}); refused before unpacking.`;
    case 'compression-ratio':
      return `The file is compressed ${localeNum(a.found)} times (${a.entry ?? ''}), like a "zip bomb".`;
    case 'xml-too-deep':
      return `The file's XML nests deeper than ${a.limit} levels.`;
    case 'formulas':
      return `The sheets' formulas hold more than ${localeNum(a.limit)} characters once shared formulas are expanded.`;
    case 'cells':
      return `The workbook has more than ${localeNum(a.limit)} cells.`;
    case 'memory':
      return 'The file used more memory than one file is allowed.';
    default:
      return `A sheet has ${localeNum(a.found)} ${a.what}, over the limit of ${localeNum(a.limit)}.`;
  }
}

// accounts/*: a percent as the accounts state it; what a deviation is measured on, where the pool's rule is not per
// post (a main line, or any salary change).
const pct = (v: unknown) => (v === 'inf' ? '∞' : String(v).replace('.', ','));
const scope = (a: MessageInput<'accounts/deviation-needs-approval' | 'accounts/missing-explanation'>) =>
  a.reason === 'salary-line'
    ? 'The pool needs approval of any change to a salary line. '
    : a.mainLine
      ? `The main line ${a.mainLine} (its posts together): `
      : '';

// structure/*: the built-in pools; the metadata fields by name.
const oneOf = (pools: unknown) => (Array.isArray(pools) ? pools.map(String).join(', ') : '');
const FIELD: Record<string, string> = { applicant: 'applicant', cvr: 'CVR number', requested: 'requested amount', period: 'project period' };

export const rules: RuleMessages = {
  'input/unreadable': {
    title: 'The file cannot be read',
    message: (a) => inputMessage(a),
    hint: (a) => inputHint(a, 'Open the file in Excel or LibreOffice and save it as an Excel workbook (.xlsx).'),
    why: 'Only a readable file can be checked; the other files are still checked.',
  },
  'input/unsupported-format': {
    title: 'Unsupported file format',
    message: (a) => inputMessage(a),
    hint: (a) => inputHint(a, 'Save the file as an Excel workbook (.xlsx) without a password.'),
    why: 'budgettjek reads .xlsx, .xlsm and .csv; other formats must be saved as .xlsx first.',
  },
  'input/too-large': {
    title: 'The file is too large',
    message: (a) => tooLarge(a),
    hint: (a) =>
      a.what === 'file-size'
        ? 'Check that it is the right file. If it is, raise the limit with --max-file-size <MB>.'
        : a.what === 'cells'
          ? 'Check that it is the right file. If it is, raise the limit with --max-cells <n>.'
          : 'Check that it is the right file: a budget is far smaller. If it is, open it in Excel or LibreOffice, delete what lies outside the budget (stray cells far out, unused sheets, pictures) and save it anew as .xlsx; no option raises this limit.',
    why: "The limits protect against files that would exhaust the machine's memory or time (e.g. zip bombs).",
  },
  'input/misnamed': {
    title: "The file's name does not match its content",
    message: (a) =>
      a.what === 'csv-named-xlsx'
        ? `The file is named .${a.named} but is a CSV text file: it was read as CSV.`
        : `The file is named .${a.named} but is an Excel workbook (.xlsx): it was read as a workbook.`,
    hint: (a) =>
      a.what === 'csv-named-xlsx'
        ? 'Rename it to .csv, or open it and save it as an Excel workbook (.xlsx): Excel refuses to open a CSV file named .xlsx.'
        : 'Rename it to .xlsx: Excel opens a file named .csv as text and shows the zip bytes.',
    why: 'budgettjek reads a file by its content, not its name; but the applicant and the caseworker open it by its name.',
  },
  'structure/no-budget-table': {
    title: 'No budget table found',
    message: (a) =>
      a.unfilled
        ? `The budget form is not filled in: ${Array.isArray(a.sheets) && a.sheets.length > 1 ? 'the tables in the sheets' : 'the table in the sheet'} ${list(a.sheets, 'en')} hold${Array.isArray(a.sheets) && a.sheets.length > 1 ? '' : 's'} no amounts.`
        : a.joined
          ? `No budget table found: each row sits in one cell with its fields separated by ${a.joined === 'tab' ? 'tabs' : 'semicolons'}, so there are no columns. The file is a CSV file opened or imported without being split into columns.`
          : `No budget table found in the sheets ${list(a.sheets, 'en')}: no header row with a post column and month or total columns in the first 30 rows.`,
    hint: (a) =>
      a.unfilled
        ? 'Enter the budget posts with a specification and amounts per month before the budget is checked or sent.'
        : a.joined
          ? `Check the original CSV file with budgettjek, or import it again with ${a.joined === 'tab' ? 'tab' : 'semicolon'} as the separator (in Excel: Data › Text to Columns) and save it as .xlsx.`
          : 'Give the table a header row with e.g. "Budgetpost", the months ("januar 2020" …) and "I alt".',
    why: "Without a budget table nothing can be checked. The pool's budget form shows the expense posts spread over months. A form with no amounts (such as budgettjek's own template, blank) is not a clean budget but one not filled in.",
  },
  'structure/missing-months': {
    title: 'Months of the project period without a column',
    message: (a) =>
      a.found === 'quarters' && a.want === 'month'
        ? 'The budget is spread over quarters, but the pool requires months.'
        : a.found === 'none'
          ? a.want === 'quarter'
            ? 'The budget is not spread over quarters (or months): it has only year or total columns.'
            : 'The budget is not spread over months: it has only year or total columns.'
          : a.want === 'quarter'
            ? `${a.count} quarter(s) of the project period have no column: ${list(a.months, 'en', (m) => quarterOfMonths(m, 'en'))}.`
            : `${a.count} month(s) of the project period have no column: ${list(a.months, 'en', (m) => month(m, 'en'))}.`,
    hint: (a) =>
      (a.found === 'quarters' && a.want === 'month' ? 'Spread the budget over months instead of quarters (one column per month). ' : '') +
      `The budget must cover every ${a.want === 'quarter' ? 'quarter' : 'month'}${a.start ? ` from ${month(a.start, 'en')} to ${month(a.end, 'en')}` : ' of the project period'}${a.source === 'pool' ? " (the pool's project period)" : ''}. Add the missing ${a.want === 'quarter' ? 'quarter' : 'month'} columns.`,
    why: 'Expenses must be spread over the months of each project year with expenses. With months missing, they cannot be.',
  },
  'structure/duplicate-month': {
    title: 'The same month in two columns',
    message: (a) =>
      a.last !== undefined
        ? `The ${a.columns ?? '?'} columns ${monthOrQuarter(a.month, 'en', a.span)} to ${monthOrQuarter(a.last, 'en', a.span)} repeat an earlier table's (first in ${a.first}): the table is there twice.`
        : `${monthOrQuarter(a.month, 'en', a.span)} has two columns (first in ${a.first}).`,
    hint: (a) =>
      a.last !== undefined
        ? 'Delete the copy (a copied sheet or table), or give it its own posts if it is a budget of its own (an activity or a partner).'
        : 'Fix the header so each month has one column.',
    why: 'A month in two columns is counted twice or hides a header mistake.',
  },
  'structure/formula-error': {
    title: 'Formula error in a cell that counts',
    message: (a) =>
      a.error === 'circular'
        ? `The formula refers to its own cell, directly or through other cells (a circular reference); Excel shows it as 0${a.formula ? ` (formula =${a.formula})` : ''}.`
        : a.error === 'too-deep'
          ? `The formula depends on other formulas through too many steps to be computed; the amount is unknown${a.formula ? ` (formula =${a.formula})` : ''}.`
          : a.error === 'not-computed'
            ? `The formula was saved without its result, and budgettjek cannot compute it; the amount is unknown and left out of the expenses${a.formula ? ` (formula =${a.formula})` : ''}.`
            : `The cell shows the error ${a.error}${a.formula ? ` (formula =${a.formula})` : ''}.`,
    hint: (a) =>
      a.error === 'not-computed'
        ? 'Open the file in Excel or LibreOffice and save it again, so that the formulas’ results are saved, or type the amount.'
        : a.error === 'circular' || a.error === 'too-deep'
          ? "Type the amount, or a formula built on the budget's posts only, not on itself."
          : 'Fix the formula (#REF! means a deleted cell, #DIV/0! a division by zero).',
    why: 'An error value means the amount cannot be computed, and totals cannot add up.',
  },
  'structure/non-numeric-amount': {
    title: 'Text where an amount belongs',
    message: (a) => `"${a.text}" is not an amount.`,
    hint: 'Write the amount as a number (e.g. 12500 or 12.500,00) and move the explanation to the budget note.',
    why: 'Text in an amount cell does not count in the sums.',
  },
  'structure/hidden-content': {
    title: 'Hidden rows, columns or sheets holding amounts',
    message: (a) =>
      a.what === 'source'
        ? `The cell takes its amount from the hidden sheet "${a.source}".`
        : a.what === 'sheet'
          ? 'A hidden sheet holds budget amounts.'
          : a.what === 'column'
            ? `A hidden column${a.month ? ` (${monthOrQuarter(a.month, 'en', a.span)})` : ''} holds amounts.`
            : 'A hidden row holds amounts.',
    hint: 'Unhide the content or delete it; everything that counts must be visible.',
    why: 'Amounts that count in the totals but cannot be seen make the budget opaque to the caseworker.',
  },
  'structure/missing-metadata': {
    title: 'Metadata missing',
    message: (a) =>
      a.blank
        ? `The ${list(a.fields, 'en', (f) => FIELD[f] ?? f)} field is not filled in.`
        : `The workbook does not state the ${list(a.fields, 'en', (f) => FIELD[f] ?? f)}.`,
    hint: (a) =>
      a.blank ? 'Fill in the field.' : 'Add a sheet "Stamdata" with the fields Ansøger, CVR, Projekttitel, Pulje, Ansøgt beløb and Projektperiode.',
    why: 'Without metadata the requested amount and project period cannot be checked against the budget.',
  },
  'structure/unknown-pool': {
    title: 'Unknown pool',
    message: (a) =>
      a.named
        ? `The Pulje field ("${a.named}") names no known pool; the file was not checked against a pool's rules.`
        : "The workbook names no pool and no --pool was given; the file was not checked against a pool's rules.",
    hint: (a) =>
      `Choose the pool with --pool <id> (one of ${oneOf(a.pools)}) or --pool <profile.yaml> for a pool that is not built in, or write the pool's id in the Pulje field.`,
    why: 'The pool sets the project period, caps, rates and what is eligible; without it the budget cannot be checked. The other files are still checked.',
  },
  'distribution/not-distributed': {
    title: 'Amount not spread over months',
    message: (a) => `The post totals ${krText(a.actual, 'en')} but has no amount in any month.`,
    hint: 'Spread the amount over the months in which the cost falls.',
    why: 'Expenses must be spread over the months of each project year with expenses.',
  },
  'distribution/sum-mismatch': {
    title: 'Months do not add up to the line total',
    message: (a) =>
      `The months add up to ${krText(a.expected, 'en')}, but the total is ${krText(a.actual, 'en')} (difference ${diff(a.expected, a.actual, 'en')})${a.formula ? `; the total is the formula =${a.formula}` : ', typed as a number'}.`,
    hint: (a) =>
      a.formula
        ? 'The formula does not cover what the months do: use =SUM over all month columns, as the other lines do.'
        : 'Fix the monthly amounts or the total; use =SUM over all month columns.',
    why: 'When months and total disagree, nobody knows which amount is applied for.',
  },
  'distribution/outside-period': {
    title: 'Expenses outside the project period',
    message: (a) =>
      a.stated
        ? `The stated project period ${month(a.statedStart, 'en')}–${month(a.statedEnd, 'en')} lies ${a.wholly ? 'wholly' : 'partly'} outside the pool's period: ${list(a.months, 'en', (m) => month(m, 'en'))} ${a.months.length === 1 ? 'is' : 'are'} outside it${typeof a.actual === 'number' && a.actual !== 0 ? `, and ${krText(a.actual, 'en')} of the budget falls in those months` : ''}.`
        : `${krText(a.actual, 'en')} falls outside the project period (${list(a.months, 'en', (m) => monthOrQuarter(m, 'en', a.span))}).`,
    hint: (a) =>
      a.stated
        ? `The pool's project period is ${month(a.start, 'en')}–${month(a.end, 'en')}; correct the project period and move the costs into it.`
        : `The project period is ${month(a.start, 'en')}–${month(a.end, 'en')}${a.source === 'pool' ? " (the pool's)" : ''}; move the cost into it.`,
    why: 'The grant covers only costs within the project period.',
  },
  'distribution/negative-amount': {
    title: 'Negative amount on an expense post',
    message: (a) => `The expense post has a negative amount (${krText(a.actual, 'en')}${Number(a.count) > 1 ? ` and ${Number(a.count) - 1} more` : ''}).`,
    hint: 'Income and financing belong under Finansiering, not as negative expenses.',
    why: 'Negative expenses hide income among the expense posts and distort the totals.',
  },
  'distribution/single-month': {
    title: 'Recurring cost put in one month',
    message: (a) => `The whole post (${krText(a.actual, 'en')}) sits in ${monthOrQuarter(a.month, 'en', a.span)}, but it looks like a recurring cost.`,
    hint: 'Spread salary, rent and similar over the months in which they are paid.',
    why: 'Salary and rent are paid monthly; in one month they misstate spending and payments.',
  },
  'itemisation/lump-sum-post': {
    title: 'Lump-sum post (overhead, miscellaneous, staff salaries …)',
    message: (a) =>
      a.itemised
        ? `"${a.post}" is a lump-sum post (${a.term}) of ${krText(a.actual, 'en')}; it is worked out as units × unit price, but should be named for what it covers.`
        : `"${a.post}" is a lump-sum post (${a.term}) of ${krText(a.actual, 'en')}; expenses must be specified.`,
    hint: 'Split the post into concrete expenses with units × unit price (e.g. "Løn projektleder, 37 t/uge, 45.000 kr./md., 33 mdr."). Unforeseen expenses cannot be budgeted.',
    why: 'Expenses must be specified and may not be gathered in overall posts such as staff salaries, overhead, administration fees or miscellaneous; no post for unforeseen expenses.',
  },
  'itemisation/salary-unspecified': {
    title: 'Salary post without hours or rate',
    message: (a) => `The salary post (${krText(a.actual, 'en')}) states neither hours nor pay per hour/month.`,
    hint: 'Write e.g. "37 t/uge, 45.000 kr./md., 33 mdr." or "1.200 timer à 350 kr.", and state the pay level/agreement.',
    why: 'Salary is budgeted as hours × hourly rate (or monthly pay × months with weekly hours), at most per the relevant collective agreement.',
  },
  'itemisation/no-unit-price': {
    title: 'No units × unit price',
    message: (a) => `The post (${krText(a.actual, 'en')}) does not state units × unit price.`,
    hint: 'Say in the specification how the amount is computed, e.g. "2 konferencer à 100.000 kr.".',
    why: 'Each post should read as units × unit price in the period the cost falls.',
  },
  'itemisation/unit-price-mismatch': {
    title: 'Units × unit price do not match the amount',
    message: (a) =>
      a.thousands
        ? `"${a.text}" makes ${productEquals(a.factors, 'en')}${krText(a.expected, 'en')}, but the post is ${krText(a.actual, 'en')}: ${a.thousands} posts are 1,000 times less than their units × unit price, so the amounts are probably in thousands of kroner without the sheet saying so.`
        : `"${a.text}" makes ${productEquals(a.factors, 'en')}${krText(a.expected, 'en')}, but the post is ${krText(a.actual, 'en')} (difference ${diff(a.expected, a.actual, 'en')}).`,
    hint: (a) =>
      a.thousands
        ? 'State the unit in the title or header (e.g. "Budget (1.000 kr.)" or "I alt, t.kr."), or give the amounts in kroner.'
        : 'Correct the specification or the amount so they agree.',
    why: 'The specification is what the caseworker assesses the amount by; if it does not match, the budget is not truthful.',
  },
  'itemisation/duplicate-post': {
    title: 'The same post twice',
    message: (a) => `The post also appears in ${a.first} with the same text and specification.`,
    hint: 'Merge the lines, or say in the specification what sets them apart.',
    why: 'Duplicate posts are often counted twice by mistake and make the budget hard to follow.',
  },
  'itemisation/missing-note': {
    title: 'Large post without a budget note',
    message: (a) => `The post is ${krText(a.actual, 'en')} (over ${krText(a.expected, 'en')}) and has no budget note.`,
    hint: (a) =>
      a.hasNoteColumn ? 'Say in the budget note what the amount covers and why it is needed.' : 'Add a "Budgetnote" column and explain the large posts.',
    why: 'Socialstyrelsen assesses the application on the budget and its notes; large posts need a reason.',
  },
  'eligibility/ineligible-expense': {
    title: 'Expense that is not eligible',
    message: (a) =>
      `The post looks like an expense that cannot be funded: ${inSentence(categoryLabel(String(a.category), 'en'))} ("${a.matched}"), ${krText(a.actual, 'en')}.`,
    hint: 'Remove the expense from the budget, or finance it otherwise.',
    why: 'No grant covers real property, construction/conversion/renovation, deficits, living costs, general training of volunteers, projects abroad/in Greenland/the Faroes, profit-sharing and one-off bonuses, or VAT the recipient gets refunded.',
  },
  'eligibility/equipment-cap': {
    title: 'Equipment over the cap per project year',
    message: (a) =>
      `Equipment purchases in project year ${a.year} (${month(a.from, 'en')}–${month(a.to, 'en')}) total ${krText(a.actual, 'en')}, over the cap of ${krText(a.expected, 'en')}.`,
    hint: 'Reduce the purchases, spread them over project years, or rent the equipment.',
    why: 'Equipment purchases above 50.000 kr. per year are not eligible.',
  },
  'eligibility/mileage-rate': {
    title: "Mileage rate above the state's low rate",
    message: (a) =>
      a.some
        ? `Mileage is budgeted at ${krText(a.actual, 'en')}/km; that is above the state's low rate of ${krText(a.expected, 'en')}/km in ${list(a.months, 'en', (m) => month(m, 'en'))}${a.alsoOver?.length ? ` (and above the rate in force in ${list(a.alsoOver, 'en', (m) => month(m, 'en'))})` : ''}, but not above the highest rate in the project's months (${krText(a.highest, 'en')}/km).`
        : `Mileage is budgeted at ${krText(a.actual, 'en')}/km, but the state's low rate is at most ${krText(a.expected, 'en')}/km in the months the post spends in (the rate in force in ${month(a.month, 'en')}).`,
    hint: (a) =>
      a.some
        ? `Budget each month at the rate in force then (${a.source}), or say which years the rate applies to.`
        : `Use at most the state's low rate (${a.source}).`,
    why: "Own-car driving is covered at most at the state's low per-km rate, set per year and sometimes changed within a year. Above the highest rate in the project's months is an error; above the rate of some months only a warning, since a budget written before a rate was published cannot know it.",
  },
  'eligibility/missing-audit': {
    title: 'No audit post',
    message: (a) =>
      `The budget has no audit post${a.performance ? ` (grants over ${krText(a.performanceAbove ?? 50_000_000, 'en')} also need a performance audit)` : a.registered ? ` (grants over ${krText(a.registeredAbove ?? 10_000_000, 'en')} need a registered or state-authorised auditor)` : ''}.`,
    hint: 'Add a "Revision" post with number of statements × price.',
    why: 'The accounts must be audited; audit costs are eligible and should be budgeted.',
  },
  'eligibility/overhead-limit': {
    title: "Overhead above the pool's percentage",
    message: (a) =>
      `Overhead of ${krText(a.actual, 'en')} in all is more than the ${a.percent} % of ${a.base === 'salaries' ? 'salaries' : 'direct costs'} (${krText(a.baseOre, 'en')}) the pool allows: at most ${krText(a.expected, 'en')}.`,
    hint: "Lower the overhead to the pool's percentage of its base, or specify the costs as posts of their own.",
    why: 'Some funders allow overhead up to a percentage of e.g. salaries (DEFF: 20 %); more is not eligible. Where the pool allows none (SBST), it is a lump sum.',
  },
  'eligibility/unclassified-expense': {
    title: 'Unknown expense type',
    message: (a) => `No known expense category fits the post (${krText(a.actual, 'en')}).`,
    hint: 'Name the expense type in the post or in a "Kategori" column (e.g. Løn, Transport, Revision).',
    why: 'Only known expense types can be checked for eligibility; the caseworker must look at the rest.',
  },
  'eligibility/vat-included': {
    title: 'Budget incl. VAT, but the applicant gets VAT refunded',
    message: (a) =>
      `The budget is stated incl. VAT ("${a.raw}"), but the pool's applicants (${a.applicants === 'municipality' ? 'municipalities' : String(a.applicants)}) get VAT refunded.`,
    hint: 'State every amount ex. VAT and set the Moms field to "ekskl. moms".',
    why: 'VAT is eligible only when the recipient bears it; municipalities get purchase VAT refunded through the VAT refund scheme.',
  },
  'cap/pool-exceeded': {
    title: "Budget exceeds the pool's funds",
    message: (a) =>
      `${a.basis === 'requested' ? 'The grant asked for' : 'Total expenses'} (${krText(a.actual, 'en')}) exceed${a.basis === 'requested' ? 's' : ''} the pool's funds (${krText(a.expected, 'en')}).`,
    hint: 'Cut the budget to fit within the pool.',
    why: 'No grant can exceed what the pool has to distribute.',
  },
  'cap/annual-exceeded': {
    title: "A year's expenses over the annual cap",
    message: (a) => `Expenses in ${a.year} (${krText(a.actual, 'en')}) exceed the pool's annual cap (${krText(a.expected, 'en')}).`,
    hint: 'Move costs to another project year or reduce them.',
    why: 'The pool distributes a fixed amount per year.',
  },
  'cap/application-limit': {
    title: "Requested amount outside the pool's limits",
    message: (a) =>
      a.bound === 'applicant'
        ? `The application asks for ${krText(a.actual, 'en')}, above the pool's maximum of ${krText(a.expected, 'en')} per applicant.`
        : a.bound === 'max'
          ? `The application asks for ${krText(a.actual, 'en')}, above the pool's maximum of ${krText(a.expected, 'en')} per application.`
          : `The application asks for ${krText(a.actual, 'en')}, below the pool's minimum of ${krText(a.expected, 'en')} per application.`,
    hint: "Fit the budget to the pool's limits.",
    why: "The pool's rules limit how much one application may ask for.",
  },
  'cap/co-financing': {
    title: "Grant or own share outside the pool's requirement",
    message: (a) =>
      a.kind === 'subsidy'
        ? `The application asks for ${krText(a.actual, 'en')}, but the pool covers at most ${a.percent} % of expenses (${krText(a.expenses, 'en')}): at most ${krText(a.expected, 'en')}.`
        : `Own and co-financing is ${krText(a.actual, 'en')}, but the pool requires at least ${a.percent} % of expenses (${krText(a.expenses, 'en')}): at least ${krText(a.expected, 'en')}.`,
    hint: "Lower the grant asked for, or raise own/co-financing, to meet the pool's requirement.",
    why: 'Some pools cover only part of the costs (e.g. 80 % of eligible costs) or require an own share; a budget asking for more cannot be granted as asked.',
  },
  'cap/requested-mismatch': {
    title: 'Requested amount does not match the budget',
    message: (a) =>
      `The requested amount is ${krText(a.actual, 'en')}, but ${a.basis === 'financing' ? 'the financing\'s "Ansøgt tilskud"' : "the budget's total expenses"} is ${krText(a.expected, 'en')} (difference ${diff(a.expected, a.actual, 'en')})${a.thousands ? ': 1,000 times as much, so the budget is probably in thousands of kroner without the sheet saying so' : ''}.`,
    hint: 'Correct the requested amount to match the budget.',
    why: 'The grant applied for must match the budget, or it is unclear what is asked for.',
  },
  'cap/financing-mismatch': {
    title: 'Financing does not equal expenses',
    message: (a) =>
      `Total financing (${krText(a.actual, 'en')}) does not equal total expenses (${krText(a.expected, 'en')}); difference ${diff(a.expected, a.actual, 'en')}.`,
    hint: 'The budget may be neither over- nor under-financed: adjust the requested grant or own/co-financing.',
    why: 'Total financing must equal budgeted expenses.',
  },
  'arithmetic/total-mismatch': {
    title: 'A total does not match its lines',
    message: (a) =>
      a.what === 'text'
        ? `Excel shows ${krText(a.actual, 'en')} here, but the lines hold ${krText(a.expected, 'en')}: SUM skips ${a.count} amount(s) typed as text.`
        : a.what === 'summary'
          ? `The summary shows ${krText(a.actual, 'en')}, but the ${a.sheets ? `sheets it sums (${a.sheets.join(', ')})` : 'budget sheets it sums'} hold ${krText(a.expected, 'en')} (difference ${diff(a.expected, a.actual, 'en')}).`
          : `${a.what === 'year' ? `The ${a.year} total` : 'The total'} is ${krText(a.actual, 'en')}, but the lines add up to ${krText(a.expected, 'en')} (difference ${diff(a.expected, a.actual, 'en')})${Number(a.count) > 1 ? `; ${a.count} cells in the row differ` : ''}.`,
    hint: (a) =>
      a.what === 'text'
        ? 'Type the amounts as numbers (e.g. 12500), not as text ("12.500 kr."), so SUM counts them.'
        : a.what === 'summary'
          ? `Let the summary take its figures from the ${a.sheets ? 'year sheets' : 'budget sheets'} by formulas, and correct the cell that differs.`
          : 'Use a SUM formula that covers all the lines (and only them).',
    why: 'budgettjek recomputes every total from the lines and never trusts a stored total.',
  },
  'arithmetic/hardcoded-total': {
    title: 'Typed number where the other totals are formulas',
    message: () => 'The total is a typed number while the corresponding totals are formulas.',
    hint: 'Replace the number with a SUM formula so the total follows the lines.',
    why: 'A typed total goes wrong as soon as a line changes.',
  },
  'arithmetic/inconsistent-formula': {
    title: 'Formula breaks the pattern',
    message: (a) => `The formula =${a.formula} covers a different range than its neighbours' (e.g. ${a.example}).`,
    hint: 'Copy the formula from a neighbour so all totals cover the same columns/rows.',
    why: 'A total that skips a month or a line is the classic spreadsheet error.',
  },
  'accounts/unbudgeted-post': {
    title: 'Post not in the approved budget',
    message: (a) =>
      a.against === 'approved'
        ? `The post is not in the approved budget (spent ${krText(a.actual, 'en')}).`
        : `The post has spending (${krText(a.actual, 'en')}) but no budget.`,
    hint: "Use the approved budget's posts and names; a new post needs prior approval (a project change).",
    why: 'The accounts may only contain expense posts from the latest approved budget, in the same structure.',
  },
  'accounts/budget-mismatch': {
    title: "The accounts' budget differs from the approved budget",
    message: (a) => `The budget column says ${krText(a.actual, 'en')}, but the approved budget (${a.approvedAt}) says ${krText(a.expected, 'en')}.`,
    hint: 'Put the latest approved budget in the budget column.',
    why: 'Deviations are measured against the approved budget; a changed budget figure hides the deviation.',
  },
  'accounts/deviation-needs-approval': {
    title: 'Deviation over 10 % or 100.000 kr. without approval',
    message: (a) =>
      a.reason === 'missing-post'
        ? `The approved budget has this post (${krText(a.expected, 'en')}${a.approvedAt ? `, at ${a.approvedAt}` : ''}), but the accounts leave it out: its whole budget deviates, and there is no approval.`
        : `${scope(a)}Spending ${krText(a.actual, 'en')} deviates ${diff(a.expected, a.actual, 'en')} (${pct(a.pct)} %) from the budget ${krText(a.expected, 'en')}, and ${a.explained ? 'the explanation mentions no approval' : 'there is neither an explanation nor an approval'}.`,
    hint: (a) =>
      a.reason === 'missing-post'
        ? 'Put the post in the accounts with what was spent on it (0 kr. if nothing) and an explanation saying when Socialstyrelsen approved the change, in the structure of the approved budget.'
        : 'Say in the explanation when Socialstyrelsen approved the change (e.g. "godkendt 12.3.2021"), or apply for approval.',
    why: 'Budget changes over 10 % or over 100.000 kr. need prior approval.',
  },
  'accounts/missing-explanation': {
    title: 'Large deviation without explanation',
    message: (a) =>
      `${scope(a)}Spending ${krText(a.actual, 'en')} deviates ${diff(a.expected, a.actual, 'en')} (${pct(a.pct)} %) from the budget, with no explanation.`,
    hint: "Explain the deviation and refer to Socialstyrelsen's approval.",
    why: 'Significant deviations must be explained, and those above the thresholds approved beforehand.',
  },
  'accounts/total-exceeds-grant': {
    title: 'Spending exceeds the grant',
    message: (a) =>
      `Total spending ${krText(a.actual, 'en')} exceeds ${a.source === 'accounts' ? 'the granted amount' : "the approved budget's grant"} ${krText(a.expected, 'en')}.`,
    hint: 'The overspend must be financed by other funds and shown as own financing.',
    why: 'The grant covers at most the granted amount.',
  },
  'accounts/unspent-funds': {
    title: 'Unspent funds to be repaid',
    message: (a) => `${krText(a.unspent, 'en')} of the grant (${krText(a.expected, 'en')}) is unspent.`,
    hint: (a) => `The amount is to be repaid unless a transfer to the next year was approved (amounts under ${krText(a.deMinimis, 'en')} are not collected).`,
    why: 'Unspent funds are repaid; a warning because an approved transfer may cover them, and it is no error in the accounts.',
  },
  'accounts/outside-period': {
    title: 'Spending outside the project period',
    message: (a) =>
      a.stated
        ? `The stated project period ${month(a.statedStart, 'en')}–${month(a.statedEnd, 'en')} lies partly outside the pool's period: ${list(a.months, 'en', (m) => month(m, 'en'))} ${a.months.length === 1 ? 'is' : 'are'} outside it${typeof a.actual === 'number' && a.actual !== 0 ? `, and ${krText(a.actual, 'en')} was spent in those months` : ''}.`
        : `${krText(a.actual, 'en')} was spent outside the project period (${list(a.months, 'en', (m) => month(m, 'en'))}).`,
    hint: (a) => `${a.stated ? "The pool's project period" : 'The project period'} is ${month(a.start, 'en')}–${month(a.end, 'en')}.`,
    why: 'The grant must be used within the project period.',
  },
  'accounts/no-approved-budget': {
    title: 'No approved budget for the accounts',
    message: (a) =>
      Array.isArray(a.ambiguous) && a.ambiguous.length
        ? `Several approved budgets fit the accounts: ${list(a.ambiguous, 'en')}; the accounts were checked on their own.`
        : `None of the ${a.budgets} approved budgets has the accounts' CVR, applicant name or file name; the accounts were checked on their own.`,
    hint: 'Put the approved budget in the budget folder with the same CVR number or applicant name in its metadata, or check the accounts alone with --budget FILE.',
    why: 'The accounts must be held against the latest approved budget; without it, deviations, posts outside the budget and altered budget figures cannot be found. An error because the check against the budget did not happen.',
  },
  'internal/rule-failed': {
    title: 'A rule failed on the file',
    message: (a) => `The rule ${a.failedRule} could not run on this file (${a.error}); the other rules ran.`,
    hint: 'Check this point by hand and report the bug to budgettjek.',
    why: 'A bug in one rule must not stop the rest of the check.',
  },
  'pool/oversubscribed': {
    title: 'The pool is oversubscribed',
    message: (a) =>
      `The ${a.files} applications ask for ${krText(a.actual, 'en')} together, ${krText(a.over, 'en')} more than the pool's ${krText(a.expected, 'en')} (${a.ratio} times the pool).${a.duplicates ? ` ${a.duplicates === 1 ? 'One more budget' : `${a.duplicates} more budgets`} of an applicant already counted (the same CVR) ${a.duplicates === 1 ? 'is' : 'are'} not counted (${krText(a.leftOut, 'en')}): each applicant counts once, at its largest request.` : ''}`,
    hint: 'The applications must be prioritised by the award criteria.',
    why: 'The caseworker needs to know whether the pool can cover all applications.',
  },
  'pool/duplicate-applicant': {
    title: 'The same applicant (CVR) in several files',
    message: (a) =>
      `CVR ${a.cvr}${a.applicant ? ` (${a.applicant})` : ''} appears in ${Array.isArray(a.files) ? a.files.length : 2} files: ${list(a.files, 'en')}.${a.oneGrantPerApplicant ? ' The pool gives one grant per applicant.' : ''}`,
    hint: 'Check whether it is a resubmission or a duplicate, and handle only the valid application.',
    why: 'Two applications from one applicant in a pool are usually a duplicate or a corrected version; a warning because they may be two different projects.',
  },
};
