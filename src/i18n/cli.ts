// The command line's own texts (help, usage errors, messages on stderr) in Danish and English. The commands keep
// their English descriptions where they are registered; Danish help looks each text up here by command and option
// name (an option without an entry keeps its English text), and usage errors are translated by pattern where they
// are printed — so a command file never changes for a language, and a new option is one line here.
import type { Lang } from '../types.js';

type Why = 'not-read' | 'too-large' | 'not-ooxml' | 'failed';

interface Texts {
  notAnnotated: (path: string, why: Why, detail?: string) => string;
  watching: string;
  again: string;
  /** `${path}: ${n} posts` after `template --accounts`. */
  posts: (n: number) => string;
}

const da: Texts = {
  notAnnotated: (path, why, detail) =>
    `${path}: ingen kommenteret kopi (${
      {
        'not-read': 'filen kunne ikke læses',
        'too-large': 'filen er over grænserne for hvad der tjekkes',
        'not-ooxml': 'filens opbygning er ikke som i en .xlsx-fil',
        failed: 'kopien kunne ikke skrives',
      }[why]
    }${detail ? `: ${detail}` : ''})`,
  watching: 'Holder øje med filerne; tjekker igen, hver gang en gemmes (Ctrl-C stopper).',
  again: '— tjekket igen —',
  posts: (n) => `${n} poster`,
};

const en: Texts = {
  notAnnotated: (path, why, detail) =>
    `${path}: no annotated copy (${
      {
        'not-read': 'the file could not be read',
        'too-large': 'the file is past the limits of what is checked',
        'not-ooxml': 'the file is not built as an .xlsx file is',
        failed: 'the copy could not be written',
      }[why]
    }${detail ? `: ${detail}` : ''})`,
  watching: 'Watching the files; checking again each time one is saved (Ctrl-C stops).',
  again: '— checked again —',
  posts: (n) => `${n} posts`,
};

const TEXTS: Record<Lang, Texts> = { da, en };

export function cliText(lang: Lang): Texts {
  return TEXTS[lang];
}

/** The language of the command line's own texts: --lang (-l) on the command line, else Danish. */
export function cliLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' || a === '-l' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : /^-l[a-z]{2}$/.test(a) ? a.slice(2) : undefined;
    if (v === 'en' || v === 'da') return v;
  }
  return 'da';
}

/** Danish help: descriptions of commands (by their path) and options (by command path and long name, or long name alone). */
export const HELP_DA = {
  program: 'Tjekker budget- og regnskabsark til danske offentlige puljer (Socialstyrelsen / Social- og Boligstyrelsen).',
  commands: {
    check: 'tjek budget- og regnskabsark (.xlsx, .xlsm, .csv): filer eller mapper',
    rules: 'vis alle regler: id, familie, standardalvor, beskrivelse',
    explain: 'forklar én regel: hvorfor den findes, dens kilde, hvordan et fund rettes',
    pools: 'vis de indbyggede puljer (id, navn, midler, periode, ansøgere, lofter)',
    'pools show': 'vis én pulje, indbygget eller en profilfil, hvert tal med dets kilder (json: profilen som gemt, at starte sin egen fra)',
    'pools init': 'skriv et kommenteret skelet til en puljeprofil (YAML) for en anden tilskudsgiver: hvert felt, dets standard og hvad det betyder',
    template: 'skriv et budgetskema til en pulje, eller med --accounts regnskabsskemaet til et godkendt budget',
    web: 'skriv siden, der tjekker budgetter i browseren uden net (intet sendes nogen steder hen)',
    help: 'vis hjælp til en kommando',
  } as Record<string, string>,
  args: {
    'check paths': 'filer eller mapper, der skal tjekkes',
    'explain rule-id': 'fx distribution/sum-mismatch',
    'pools show id': 'puljens id',
    'pools show id|file': 'puljens id eller en profilfil (.json/.yaml)',
    'help command': 'kommandoen',
  } as Record<string, string>,
  options: {
    '--help': 'vis hjælp til kommandoen',
    '--version': 'vis versionsnummeret',
    '--lang': 'sprog',
    '--format': 'uddataformat',
    'pools --lang': 'sprog (standard da)',
    'pools show --lang': 'sprog (standard da)',
    'pools --format': 'uddataformat (standard text)',
    'pools show --format': 'uddataformat (standard text)',
    'check --pool': 'puljens id (se `budgettjek pools`) eller en puljeprofil (.json/.yaml)',
    'check --budget': 'det godkendte budget, når et regnskab tjekkes',
    'check --lang': 'sproget i beskederne',
    'check --fail-on': 'afslut med kode 1, når et fund når denne alvor',
    'check --output': 'skriv rapporten til en fil i stedet for til skærmen',
    'check --config': 'konfigurationsfil (standard: budgettjek.config.json, hvis den findes)',
    'check --max-file-size': 'afvis filer større end dette (standard 50)',
    'check --max-cells': 'afvis arbejdsbøger med flere celler end dette (standard 2000000)',
    'check --annotate': 'skriv en kopi af hver arbejdsbog i MAPPE med fundene som cellenoter og et ark med fundene',
    'check --jobs': 'filer tjekket samtidig i arbejdstråde (standard: antal CPU’er, højst én pr. 50 filer)',
    'check --no-progress': 'ingen statuslinje på stderr (den vises kun på en terminal)',
    'check --no-color': 'ingen farver i tekstrapporten',
    'check --watch': 'tjek igen, hver gang en fil gemmes, indtil Ctrl-C',
    'check --baseline': 'skjul de fund, der er accepteret i FIL (skrevet med --write-baseline); forældede poster nævnes',
    'check --write-baseline': 'acceptér de nuværende fund: skriv dem til --baseline FIL (standard budgettjek-baseline.json)',
    'check --summary': 'tekstformat: kun oversigtstabellen og puljelinjen, ingen detaljer pr. fil',
    'check --quiet': 'vis kun fejl',
    'check --max-warnings': 'afslut med kode 1 ved flere advarsler end dette',
    'check --print-config': 'vis den konfiguration, tjekket ville bruge (fundet fil, tilvalg flettet), og stop',
    'pools init --output': 'profilen, der skrives (.yaml)',
    'pools init --force': 'overskriv uddatafilen',
    'template --pool': 'puljens id eller en puljeprofil',
    'template --output': 'arbejdsbogen, der skrives (.xlsx)',
    'template --lang': 'sproget i vejledningen',
    'template --per-year': 'ét budgetark pr. projektår',
    'template --accounts': 'skriv regnskabsskemaet til et godkendt budget',
    'template --budget': 'det godkendte budget (med --accounts)',
    'template --force': 'overskriv uddatafilen',
    'web --output': 'siden, der skrives (.html)',
    'web --force': 'overskriv uddatafilen',
  } as Record<string, string>,
  titles: {
    'Usage:': 'Brug:',
    'Options:': 'Tilvalg:',
    'Arguments:': 'Argumenter:',
    'Commands:': 'Kommandoer:',
    'Global Options:': 'Fælles tilvalg:',
  } as Record<string, string>,
  /** Placeholders in option terms and usage lines. */
  words: {
    '[options]': '[tilvalg]',
    '[command]': '[kommando]',
    '<file>': '<fil>',
    '<dir>': '<mappe>',
    '<lang>': '<sprog>',
    '<severity>': '<alvor>',
    '<id|file>': '<id|fil>',
    '<paths...>': '<stier...>',
    '<paths>': '<stier>',
    '<rule-id>': '<regel-id>',
    '<command>': '<kommando>',
    '[command]:': '[kommando]:',
  } as Record<string, string>,
  extras: { 'choices: ': 'valg: ', 'default: ': 'standard: ', 'preset: ': 'forvalgt: ', 'env: ': 'miljøvariabel: ' } as Record<string, string>,
};

export function translateWords(s: string): string {
  return s.replace(/\[options\]|\[command\]|<[a-z|.-]+>/g, (w) => HELP_DA.words[w] ?? w);
}

type Rule = [RegExp, (...m: string[]) => string];

/** Usage errors and write errors in Danish, by the English message's pattern (commander's own and budgettjek's). */
const ERRORS_DA: Rule[] = [
  // commander
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, (o, s) => `fejl: ukendt tilvalg '${o}'${s ? `\n(Mente du ${s}?)` : ''}`],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, (c, s) => `fejl: ukendt kommando '${c}'${s ? `\n(Mente du ${s}?)` : ''}`],
  [/^error: missing required argument '(.+)'$/, (a) => `fejl: mangler argumentet '${translateWords(`<${a}>`).slice(1, -1)}'`],
  [/^error: option '(.+)' argument missing$/, (o) => `fejl: tilvalget '${translateWords(o)}' mangler en værdi`],
  [/^error: required option '(.+)' not specified$/, (o) => `fejl: tilvalget '${translateWords(o)}' skal angives`],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s,
    (o, v, c) => `fejl: '${v}' er ikke en gyldig værdi af tilvalget '${translateWords(o)}'. Gyldige værdier: ${c}.`,
  ],
  [/^error: option '(.+)' argument '(.*)' is invalid\.(.*)$/s, (o, v, r) => `fejl: '${v}' er ikke en gyldig værdi af tilvalget '${translateWords(o)}'.${r}`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, e, g) => `fejl: for mange argumenter${c ? ` til '${c}'` : ''}: ventede ${e}, fik ${g}.`,
  ],
  [
    /^error: (.+) cannot be used with (.+)$/,
    (a, b) => `fejl: ${translateWords(a.replace(/^option /, 'tilvalget '))} kan ikke bruges sammen med ${translateWords(b.replace(/^option /, 'tilvalget '))}`,
  ],
  [/^error: (.*)$/s, (m) => `fejl: ${m}`],
  // budgettjek
  [/^(.+) is an input file: it would be overwritten \(choose another name\)$/s, (o) => `${o} er en inputfil: den ville blive overskrevet (vælg et andet navn)`],
  [/^cannot write (.+): the folder (.+) does not exist$/s, (p, d) => `kan ikke skrive ${p}: mappen ${d} findes ikke`],
  [/^cannot write (.+): permission denied$/s, (p) => `kan ikke skrive ${p}: ingen adgang`],
  [/^cannot write (.+): the disk is full \(nothing was written\)$/s, (p) => `kan ikke skrive ${p}: disken er fuld (intet blev skrevet)`],
  [/^cannot write (.+): it is a folder$/s, (p) => `kan ikke skrive ${p}: det er en mappe`],
  [/^cannot write (.+): the file system is read-only$/s, (p) => `kan ikke skrive ${p}: filsystemet er skrivebeskyttet`],
  [/^cannot write (.+?): (.*)$/s, (p, m) => `kan ikke skrive ${p}: ${m}`],
  [/^pools init writes YAML: name the file \.yaml \(not (.*)\)$/s, (p) => `pools init skriver YAML: giv filen endelsen .yaml (ikke ${p})`],
  [/^(.+) exists; use --force to overwrite it$/s, (p) => `${p} findes allerede; brug --force for at overskrive den`],
  [/^template --accounts needs --budget <approved budget>$/, () => 'template --accounts kræver --budget <godkendt budget>'],
  [/^cannot read the approved budget (.+) \((.*)\)$/s, (p, w) => `kan ikke læse det godkendte budget ${p} (${w})`],
  [/^no pool: give --pool <id\|file> or fill in the budget's Pulje field$/, () => 'ingen pulje: angiv --pool <id|fil>, eller udfyld budgettets felt Pulje'],
  [/^(.+) has no budget lines to carry over$/s, (p) => `${p} har ingen budgetposter at overføre`],
  [/^the browser bundle (.+) is missing: run `npm run build`$/, (n) => `browserpakken ${n} mangler: kør \`npm run build\``],
  [/^template needs --pool <id\|file> \(see `budgettjek pools`\)$/, () => 'template kræver --pool <id|fil> (se `budgettjek pools`)'],
  [/^(--[\w-]+) must be a positive number, not "(.*)"$/s, (o, v) => `${o} skal være et positivt tal, ikke "${v}"`],
  [/^unknown format "(.*)" \(one of: (.*)\)$/s, (f, l) => `ukendt format "${f}" (et af: ${l})`],
  [/^no files to check$/, () => 'ingen filer at tjekke'],
  [/^cannot write (.+): not a folder$/s, (p) => `kan ikke skrive ${p}: det er ikke en mappe`],
  [/^standard input \(-\) can be given once$/, () => 'standardinput (-) kan kun angives én gang'],
  [/^--max-warnings must be a whole number ≥ 0, not "(.*)"$/s, (v) => `--max-warnings skal være et helt tal ≥ 0, ikke "${v}"`],
  [/^baseline (.+) does not exist \(write it with --write-baseline\)$/s, (p) => `baseline ${p} findes ikke (skriv den med --write-baseline)`],
  [/^baseline (.+?) is not valid JSON: (.*)$/s, (p, m) => `baseline ${p} er ikke gyldig JSON: ${m}`],
  [/^baseline (.+) is not a budgettjek baseline \(version 1\)$/s, (p) => `baseline ${p} er ikke en budgettjek-baseline (version 1)`],
  [
    /^--format (\S+) writes a workbook: give the file with -o \(e\.g\. -o (.+)\)$/s,
    (f, e) => `--format ${f} skriver en arbejdsbog: angiv filen med -o (fx -o ${e})`,
  ],
  [
    /^unknown pool "(.*)" \(built-in pools: (.*?)(; or give a \.json\/\.yaml profile file)?\)$/s,
    (p, l, f) => `ukendt pulje "${p}" (indbyggede puljer: ${l}${f ? '; eller angiv en puljeprofil (.json/.yaml)' : ''})`,
  ],
  [
    /^unknown rule "(.*)"(?: \(did you mean (.*)\?\))?; see `budgettjek rules`$/s,
    (r, n) => `ukendt regel "${r}"${n ? ` (mente du ${n}?)` : ''}; se \`budgettjek rules\``,
  ],
  [/^cannot read configuration (.+?): (.*)$/s, (p, m) => `kan ikke læse konfigurationen ${p}: ${m}`],
  [/^configuration (.+?) is not valid: (.*)$/s, (p, m) => `konfigurationen ${p} er ikke gyldig: ${m}`],
  [/^invalid configuration (.+?): (.*)$/s, (p, m) => `ugyldig konfiguration ${p}: ${m}`],
  [/^invalid pool profile (.+?): (.*)$/s, (p, m) => `ugyldig puljeprofil ${p}: ${m}`],
  [/^cannot read pool profile (.+?): (.*)$/s, (p, m) => `kan ikke læse puljeprofilen ${p}: ${m}`],
  [/^pool profile (.+?) is not valid (JSON|YAML): (.*)$/s, (p, k, m) => `puljeprofilen ${p} er ikke gyldig ${k}: ${m}`],
  [/^--budget (.+): no such file$/s, (p) => `--budget ${p}: filen findes ikke`],
  [
    /^(.+): the workbook's Pulje field \("(.*)"\) names no built-in pool; give --pool <id\|file>$/s,
    (p, v) => `${p}: arbejdsbogens felt Pulje ("${v}") nævner ingen indbygget pulje; angiv --pool <id|fil>`,
  ],
  [
    /^(.+): no pool given; use --pool <id\|file> \(see `budgettjek pools`\) or fill in the Pulje field$/s,
    (p) => `${p}: ingen pulje angivet; brug --pool <id|fil> (se \`budgettjek pools\`), eller udfyld feltet Pulje`,
  ],
];

/** A usage or write error's message in the language of the command line (English as it is). */
export function localiseError(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [re, f] of ERRORS_DA) {
    const m = re.exec(message);
    if (m) return f(...m.slice(1).map((x) => x ?? ''));
  }
  return message;
}
