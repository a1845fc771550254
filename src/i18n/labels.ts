// The shape of a language's fixed texts (report formats, batch summary, charts, CLI): one table per language
// (i18n/da.ts, i18n/en.ts) implements it whole, so the compiler names every text a new language still lacks.
import type { ApplicantType, AUDIT_REQUIREMENTS } from '../pools/schema.js';
import type { Severity } from '../types.js';

/** Counts of a report's summary line. */
export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Why no annotated copy of a workbook was written (annotate/index.ts AnnotateResult). */
export type NotAnnotatedWhy = 'not-read' | 'too-large' | 'not-ooxml' | 'failed';

/** Translates one English usage or write error, by pattern: the regex's groups are the function's arguments. */
export type ErrorRule = [RegExp, (...m: string[]) => string];

/** Help in a language other than the English the commands are registered in, looked up by command and option. */
export interface HelpTexts {
  program: string;
  /** By command path ("check", "pools show"). */
  commands: Record<string, string>;
  /** By command path and argument name ("check paths"). */
  args: Record<string, string>;
  /** By command path and long option ("check --pool"), or long option alone ("--lang"). */
  options: Record<string, string>;
  /** Commander's section headings ("Usage:"). */
  titles: Record<string, string>;
  /** Placeholders in option terms and usage lines ("<file>", "[options]"). */
  words: Record<string, string>;
  /** Commander's "(choices: …, default: …)" words, with their colon and space. */
  extras: Record<string, string>;
}

/** What the instructions sheet of a budget form says about its pool (amounts already written as grouped kroner). */
export interface InstructionFacts {
  id: string;
  name: string;
  nameEn?: string;
  /** Undefined where the pool's funds are not published. */
  funds?: string;
  /** The project period's first and last month ("2020-01"), and its first and last day ("01.01.2020", "30.09.2022"). */
  start: string;
  end: string;
  firstDay: string;
  lastDay: string;
  quarterly: boolean;
  lumpSumTerms: string;
  ineligible: string;
  equipmentPerYear: string;
  mileageRates: string;
  vatEligible: boolean;
  noteAbove: string;
  registeredAuditorAbove: string;
  performanceAuditAbove?: string;
  firstSource: string;
  /** The title of the first of these sources the pool has (the seed pools cite S1–S11, today's H1–H13). */
  src: (...ids: string[]) => string;
}

export interface Labels {
  /** The language's name in itself, as the web page's language menu shows it ("Dansk"). */
  name: string;
  /** A severity as the reports name it ("fejl", "warning"). */
  severity: Record<Severity, string>;
  /** The decimal separator of numbers the reports print themselves (ratios, percentages, csv). */
  decimal: string;

  /** Headings and column names shared by the report formats (html, csv, xlsx, junit, annotated copies). */
  report: {
    title: string;
    files: string;
    errors: string;
    warnings: string;
    infos: string;
    file: string;
    applicant: string;
    requested: string;
    verdict: string;
    ok: string;
    bad: string;
    unreadable: string;
    rule: string;
    severity: string;
    sheet: string;
    row: string;
    cell: string;
    post: string;
    expected: string;
    actual: string;
    message: string;
    hint: string;
    pool: string;
    noFindings: string;
    noErrors: string;
    expenses: string;
    summary: string;
  };

  /** The text format (formatters/text.ts). */
  text: {
    expected: string;
    found: string;
    hint: string;
    clean: string;
    pool: string;
    summary: (s: Counts) => string;
    expenses: string;
    requested: string;
    applicant: string;
    /** Before a file's pool id ("pulje: recovery-2019"). */
    poolId: string;
    approved: string;
  };

  /** The batch summary table of the text format (report/batch-summary.ts). */
  batch: {
    file: string;
    applicant: string;
    requested: string;
    /** A budget that states no requested amount. */
    missing: string;
    errors: string;
    warnings: string;
    verdict: string;
    ok: string;
    bad: string;
    unreadable: string;
    total: string;
    pool: string;
    diff: string;
  };

  /** The pool block of the HTML report. */
  html: {
    heading: string;
    funds: string;
    requested: string;
    clean: string;
    ratio: string;
    /** How many applications a figure counts (an applicant's budgets one). */
    applications: (n: number) => string;
  };

  /** The Excel overview (formatters/xlsx.ts). */
  xlsx: {
    overview: string;
    findings: string;
    cvr: string;
    expenses: string;
    topRules: string;
    found: string;
    pool: string;
    funds: string;
    requestedAll: string;
    requestedClean: string;
    ratio: string;
    poolRow: string;
  };

  /** The SVG charts of the HTML report (report/charts.ts). */
  charts: {
    pool: string;
    funds: string;
    all: string;
    months: string;
    quarters: string;
    posts: string;
    budget: string;
    actual: string;
    share: string;
    spike: string;
    /** After a short amount in millions ("1,2 mio.") and thousands ("250 t."). */
    million: string;
    thousand: string;
    /** Between the year and the quarter number of a quarter ("2022 K1"). */
    quarter: string;
  };

  /** `budgettjek explain`. */
  explain: {
    severity: string;
    why: string;
    source: string;
    fix: string;
  };

  /** `budgettjek pools` (the table) and `pools show` (one pool, line by line). */
  pools: {
    /** Column headings: id, name, funds, period, applicants, caps, VAT. */
    columns: [string, string, string, string, string, string, string];
    /** Whether the table shows a profile's English name (nameEn, where it has one) instead of its Danish one. */
    englishName: boolean;
    unknownPeriod: string;
    /** Before the annual cap in the caps column ("år 500.000 kr."). */
    year: string;
    perApplicant: string;
    yes: string;
    no: string;
    applicantTypes: Record<ApplicantType, string>;
    auditRequirements: Record<(typeof AUDIT_REQUIREMENTS)[number], string>;
    /** The words of `pools show`, in the order of its lines. */
    show: {
      funds: string;
      period: string;
      /** Why a pool without a period still bounds the checks. */
      periodOpen: string;
      distributedBy: string;
      quarters: string;
      months: string;
      deadline: string;
      applicants: string;
      oneGrant: string;
      maxPerApplicant: string;
      vatEligible: string;
      vatYes: string;
      vatNo: string;
      vatCompensation: string;
      fondsmoms: string;
      annualCap: string;
      perApplication: string;
      coFinancing: string;
      subsidyAtMost: string;
      ofExpenses: string;
      ownShareAtLeast: string;
      noRequirement: string;
      overheadNone: string;
      atMost: string;
      of: string;
      salaries: string;
      directCosts: string;
      equipment: string;
      perProjectYear: string;
      keepUpTo: string;
      noteAbove: string;
      deviations: string;
      over: string;
      or: string;
      perPost: string;
      perMainLine: string;
      needApproval: string;
      salaryLineChanges: string;
      newPosts: string;
      repayFrom: string;
      audit: string;
      lumpSumTerms: string;
      notEligible: string;
      /** After a field the profile takes from the national data. */
      nationalData: string;
      mileageRates: string;
      sources: string;
      covers: string;
      note: string;
    };
  };

  /** The budget form of `budgettjek template` (template/budget.ts): sheet names, labels, instructions. */
  template: {
    stamdata: string;
    budget: string;
    instructionsSheet: string;
    lists: string;
    fields: { applicant: string; cvr: string; title: string; pool: string; requested: string; period: string; vat: string };
    vatExcl: string;
    header: { post: string; spec: string; category: string; note: string; total: string };
    sections: string[];
    totalRow: string;
    financing: string;
    financingRows: string[];
    financingTotal: string;
    typeHere: string;
    title: (name: string, nameEn: string | undefined) => string;
    cvrError: string;
    cvrPrompt: string;
    /** The instructions sheet: a heading row (rule, source), then one row per rule of the pool. */
    instructions: (f: InstructionFacts) => string[][];
  };

  /** The web page (web/page.ts, web/ui.ts): the page carries these texts; the worker renders `done`. */
  web: {
    title: string;
    intro: string;
    choose: string;
    pool: string;
    auto: string;
    lang: string;
    checking: string;
    done: (files: number) => string;
    download: string;
    json: string;
    failed: string;
  };

  /** The command line's own messages on stderr, its help and its usage errors. */
  cli: {
    notAnnotated: (path: string, why: NotAnnotatedWhy, detail?: string) => string;
    /** A file in the --budget folder that could not be read, and why. */
    approvedNotRead: (path: string, why: string) => string;
    watching: string;
    again: string;
    /** `${path}: ${n} posts` after `template --accounts`. */
    posts: (n: number) => string;
    /** After `pools init`: the profile FILE written with pool id ID, and what to do next. */
    profileWritten: (file: string, id: string) => string;
    /** --write-baseline wrote FILE accepting N findings. */
    baselineWritten: (file: string, n: number) => string;
    /** N accepted findings hidden by FILE. */
    baselineHidden: (n: number, file: string) => string;
    /** N baseline entries match no finding any more. */
    baselineStale: (n: number) => string;
    /** "… and N more" after the first stale entries. */
    more: (n: number) => string;
    /** Help texts, where they are not the English the commands are registered in. */
    help?: HelpTexts;
    /** Usage and write errors, by the English message's pattern; an error no rule matches is printed as it is. */
    errors: ErrorRule[];
  };
}

/** The placeholders of an option term or usage line ("[options]", "<file>") in a language's words; others as they are. */
export function translatePlaceholders(s: string, words: Record<string, string>): string {
  return s.replace(/\[[a-z|.-]+\]|<[a-z|.-]+>/g, (w) => words[w] ?? w);
}
