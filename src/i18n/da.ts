// Danish: one table of everything budgettjek says in this language — `rules`, the wording of every rule (title,
// message, hint, why; its type RuleMessages makes the compiler insist on an entry for every rule id, each message typed
// with that rule's args), and `labels`, the fixed texts of the reports, the batch summary, the charts, pools, the
// budget form, the web page and the command line (type Labels). A new language is a file like this one.
import { categoryLabel } from '../itemise/index.js';
import { diff, inSentence, krText, list, month, monthOrQuarter, productEquals, quarterOfMonths } from './format.js';
import { translatePlaceholders, type ErrorRule, type HelpTexts, type Labels } from './labels.js';
import type { MessageInput, RuleMessages } from './rule-messages.js';

const help: HelpTexts = {
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
  },
  args: {
    'check paths': 'filer eller mapper, der skal tjekkes',
    'explain rule-id': 'fx distribution/sum-mismatch',
    'pools show id': 'puljens id',
    'pools show id|file': 'puljens id eller en profilfil (.json/.yaml)',
    'help command': 'kommandoen',
  },
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
    'check --jobs': 'tråde der tjekker filer: denne og n − 1 arbejdstråde (standard: antal CPU’er, højst én pr. 150 filer)',
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
    'pools init --lang': 'sprog (standard da)',
    'template --pool': 'puljens id eller en puljeprofil',
    'template --output': 'arbejdsbogen, der skrives (.xlsx)',
    'template --lang': 'sproget i vejledningen',
    'template --per-year': 'ét budgetark pr. projektår',
    'template --accounts': 'skriv regnskabsskemaet til et godkendt budget',
    'template --budget': 'det godkendte budget (med --accounts)',
    'template --force': 'overskriv uddatafilen',
    'web --output': 'siden, der skrives (.html)',
    'web --force': 'overskriv uddatafilen',
  },
  titles: {
    'Usage:': 'Brug:',
    'Options:': 'Tilvalg:',
    'Arguments:': 'Argumenter:',
    'Commands:': 'Kommandoer:',
    'Global Options:': 'Fælles tilvalg:',
  },
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
    '[paths...]': '[stier...]',
    '<paths>': '<stier>',
    '<rule-id>': '<regel-id>',
    '<command>': '<kommando>',
    '[command]:': '[kommando]:',
  },
  extras: { 'choices: ': 'valg: ', 'default: ': 'standard: ', 'preset: ': 'forvalgt: ', 'env: ': 'miljøvariabel: ' },
};

const words = (s: string) => translatePlaceholders(s, help.words);

const errors: ErrorRule[] = [
  // commander
  [/^error: unknown option '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, (o, s) => `fejl: ukendt tilvalg '${o}'${s ? `\n(Mente du ${s}?)` : ''}`],
  [/^error: unknown command '(.+?)'(?:\n\(Did you mean (.+)\?\))?$/s, (c, s) => `fejl: ukendt kommando '${c}'${s ? `\n(Mente du ${s}?)` : ''}`],
  [/^error: missing required argument '(.+)'$/, (a) => `fejl: mangler argumentet '${words(`<${a}>`).slice(1, -1)}'`],
  [/^error: option '(.+)' argument missing$/, (o) => `fejl: tilvalget '${words(o)}' mangler en værdi`],
  [/^error: required option '(.+)' not specified$/, (o) => `fejl: tilvalget '${words(o)}' skal angives`],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s,
    (o, v, c) => `fejl: '${v}' er ikke en gyldig værdi af tilvalget '${words(o)}'. Gyldige værdier: ${c}.`,
  ],
  [/^error: option '(.+)' argument '(.*)' is invalid\.(.*)$/s, (o, v, r) => `fejl: '${v}' er ikke en gyldig værdi af tilvalget '${words(o)}'.${r}`],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, e, g) => `fejl: for mange argumenter${c ? ` til '${c}'` : ''}: ventede ${e}, fik ${g}.`,
  ],
  [
    /^error: (.+) cannot be used with (.+)$/,
    (a, b) => `fejl: ${words(a.replace(/^option /, 'tilvalget '))} kan ikke bruges sammen med ${words(b.replace(/^option /, 'tilvalget '))}`,
  ],
  [/^error: (.*)$/s, (m) => `fejl: ${m}`],
  // budgettjek
  [/^(.+) is an input file: it would be overwritten \(choose another name\)$/s, (o) => `${o} er en inputfil: den ville blive overskrevet (vælg et andet navn)`],
  [/^cannot write (.+): the folder (.+) does not exist$/s, (p, d) => `kan ikke skrive ${p}: mappen ${d} findes ikke`],
  [/^cannot write (.+): permission denied$/s, (p) => `kan ikke skrive ${p}: ingen adgang`],
  [/^cannot write (.+): the disk is full \(nothing was written\)$/s, (p) => `kan ikke skrive ${p}: disken er fuld (intet blev skrevet)`],
  [/^cannot write (.+): it is a folder$/s, (p) => `kan ikke skrive ${p}: det er en mappe`],
  [/^cannot write (.+): the file system is read-only$/s, (p) => `kan ikke skrive ${p}: filsystemet er skrivebeskyttet`],
  [/^cannot write (.+): not a folder$/s, (p) => `kan ikke skrive ${p}: det er ikke en mappe`],
  [/^cannot write (.+): (.+) is not a folder$/s, (p, d) => `kan ikke skrive ${p}: ${d} er ikke en mappe`],
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

export const labels: Labels = {
  name: 'Dansk',
  severity: { error: 'fejl', warning: 'advarsel', info: 'info' },
  decimal: ',',
  report: {
    title: 'budgettjek – rapport',
    files: 'Filer',
    errors: 'Fejl',
    warnings: 'Advarsler',
    infos: 'Info',
    file: 'Fil',
    applicant: 'Ansøger',
    requested: 'Ansøgt',
    verdict: 'Vurdering',
    ok: 'I orden',
    bad: 'Fejl',
    unreadable: 'Ulæselig',
    rule: 'Regel',
    severity: 'Alvor',
    sheet: 'Ark',
    row: 'Række',
    cell: 'Celle',
    post: 'Post',
    expected: 'Forventet',
    actual: 'Faktisk',
    message: 'Besked',
    hint: 'Råd',
    pool: 'Puljen som helhed',
    noFindings: 'Ingen fund.',
    noErrors: 'ingen fejl',
    expenses: 'Udgifter i alt',
    summary: 'Oversigt',
  },
  text: {
    expected: 'forventet',
    found: 'fundet',
    hint: 'Råd',
    clean: 'Ingen fund.',
    pool: 'Puljen som helhed',
    summary: (s) =>
      `${s.files} fil${s.files === 1 ? '' : 'er'} tjekket: ${s.errors} fejl, ${s.warnings} ${s.warnings === 1 ? 'advarsel' : 'advarsler'}, ${s.infos} info.`,
    expenses: 'Udgifter i alt',
    requested: 'Ansøgt beløb',
    applicant: 'Ansøger',
    poolId: 'pulje',
    approved: 'godkendt budget',
  },
  batch: {
    file: 'Fil',
    applicant: 'Ansøger',
    requested: 'Ansøgt',
    missing: 'mangler',
    errors: 'Fejl',
    warnings: 'Advarsler',
    verdict: 'Vurdering',
    ok: 'i orden',
    bad: 'fejl',
    unreadable: 'ulæselig',
    total: 'I alt',
    pool: 'Puljens midler',
    diff: 'Forskel',
  },
  html: {
    heading: 'Puljen',
    funds: 'Puljens midler',
    requested: 'Ansøgt i alt',
    clean: 'Ansøgt af budgetter uden fejl',
    ratio: 'Forhold',
    applications: (n) => `${n} ansøgning${n === 1 ? '' : 'er'}`,
  },
  xlsx: {
    overview: 'Oversigt',
    findings: 'Fund',
    cvr: 'CVR',
    expenses: 'Udgifter',
    topRules: 'Hyppigste regler',
    found: 'Fundet',
    pool: 'Puljen',
    funds: 'Puljens midler',
    requestedAll: 'Ansøgt af budgetterne i alt',
    requestedClean: 'Ansøgt af budgetter uden fejl',
    ratio: 'Forhold (ansøgt / midler)',
    poolRow: '(puljen)',
  },
  charts: {
    pool: 'Ansøgt beløb mod puljens midler',
    funds: 'Puljens midler',
    all: 'Alle ansøgninger',
    months: 'Udgifter pr. måned',
    quarters: 'Udgifter pr. kvartal',
    posts: 'Budget og forbrug pr. post',
    budget: 'Budget',
    actual: 'Forbrug',
    share: 'af puljen',
    spike: 'mere end det dobbelte af den typiske måned',
    million: ' mio.',
    thousand: ' t.',
    quarter: ' K',
  },
  explain: { severity: 'Standardalvor', why: 'Hvorfor', source: 'Kilde', fix: 'Sådan retter du det' },
  pools: {
    columns: ['id', 'navn', 'midler', 'periode', 'ansøgere', 'lofter', 'moms'],
    englishName: false,
    unknownPeriod: 'ukendt',
    year: 'år',
    perApplicant: 'pr. ansøger',
    yes: 'ja',
    no: 'nej',
    applicantTypes: { municipality: 'kommuner', association: 'foreninger', organisation: 'organisationer', partnership: 'partnerskaber', any: 'alle' },
    auditRequirements: {
      declaration: 'tro og love-erklæring',
      'independent-accountant': 'uafhængig regnskabskyndig',
      'registered-auditor': 'registreret/statsautoriseret revisor',
      'performance-audit': 'også forvaltningsrevision',
    },
    show: {
      funds: 'Midler',
      period: 'Projektperiode',
      periodOpen: 'ansøgningens egen periode afgrænser tjekkene',
      distributedBy: 'Budgettet fordeles på',
      quarters: 'kvartaler (et månedsbudget opfylder det også)',
      months: 'måneder',
      deadline: 'Ansøgningsfrist',
      applicants: 'Ansøgere',
      oneGrant: 'Ét tilskud pr. ansøger',
      maxPerApplicant: 'Højst pr. ansøger',
      vatEligible: 'Moms støtteberettiget',
      vatYes: 'ja, hvor modtageren selv bærer momsen',
      vatNo: 'nej (budget ekskl. moms)',
      vatCompensation: 'Foreninger kan få delvis momskompensation; tjek, om puljen vil have den fratrukket.',
      fondsmoms: 'Fondsmoms for kommuner',
      annualCap: 'Årligt loft',
      perApplication: 'Pr. ansøgning',
      coFinancing: 'Medfinansiering',
      subsidyAtMost: 'tilskud højst',
      ofExpenses: 'af udgifterne',
      ownShareAtLeast: 'egenfinansiering mindst',
      noRequirement: 'intet krav',
      overheadNone: 'ikke tilladt (en samlepost)',
      atMost: 'højst',
      of: 'af',
      salaries: 'lønudgifterne',
      directCosts: 'de direkte udgifter',
      equipment: 'Anskaffelser',
      perProjectYear: 'pr. projektår',
      keepUpTo: 'må beholdes uden godkendelse op til',
      noteAbove: 'Budgetnote over',
      deviations: 'Afvigelser i regnskabet',
      over: 'over',
      or: 'eller',
      perPost: 'pr. post',
      perMainLine: 'pr. hovedpost',
      needApproval: 'kræver godkendelse',
      salaryLineChanges: 'enhver ændring af en lønpost',
      newPosts: 'en ny post altid',
      repayFrom: 'Tilbagebetaling fra',
      audit: 'Revision',
      lumpSumTerms: 'Samleposter',
      notEligible: 'Ikke støtteberettiget',
      nationalData: 'nationale data',
      mileageRates: 'Kilometertakster (statens lave)',
      sources: 'Kilder',
      covers: 'dækker',
      note: 'Note',
    },
  },
  template: {
    stamdata: 'Stamdata',
    budget: 'Budget',
    instructionsSheet: 'Vejledning',
    lists: 'Lister',
    fields: { applicant: 'Ansøger', cvr: 'CVR-nr.', title: 'Projekttitel', pool: 'Pulje', requested: 'Ansøgt beløb', period: 'Projektperiode', vat: 'Moms' },
    vatExcl: 'ekskl. moms',
    header: { post: 'Budgetpost', spec: 'Specifikation', category: 'Kategori', note: 'Budgetnote', total: 'I alt' },
    sections: ['1. Løn', '2. Aktiviteter', '3. Revision og evaluering'],
    totalRow: 'I alt udgifter',
    financing: 'Finansiering',
    financingRows: ['Ansøgt tilskud', 'Egenfinansiering', 'Medfinansiering', 'Andre tilskud'],
    financingTotal: 'Finansiering i alt',
    typeHere: 'Udfyld de gule felter. Beløb i kr. ekskl. moms, når ansøgeren får momsen refunderet.',
    title: (name) => `Budget – ${name}`,
    cvrError: 'Et CVR-nr. har 8 cifre.',
    cvrPrompt: '8 cifre, fx 29189919',
    instructions: (f) => [
      ['Regel', 'Kilde'],
      [
        `Pulje: ${f.name} (${f.id}); midler ${f.funds === undefined ? 'ikke oplyst' : `${f.funds} kr.`}; projektperiode ${f.firstDay} – ${f.lastDay}.`,
        f.firstSource,
      ],
      [
        `Fordel alle udgifter på de ${f.quarterly ? 'kvartaler (puljen budgetterer og udbetaler pr. kvartal; måneder opfylder det også)' : 'måneder'} i hvert projektår, hvor de falder; intet uden for projektperioden.`,
        f.src('S1', 'H8'),
      ],
      ['Specificér hver post som antal × enhedspris, fx "2 konferencer à 100.000 kr.".', f.src('S6', 'H1')],
      [
        'Løn som timer × timesats, eller månedsløn × måneder med ugentlige timer ("37 t/uge, 45.000 kr./md., 33 mdr."), kun under lønposter.',
        f.src('S6', 'H2'),
      ],
      [`Ingen samleposter: ${f.lumpSumTerms}.`, f.src('S1')],
      [`Ikke støtteberettiget: ${f.ineligible}.`, f.src('S2')],
      [`Anskaffelser højst ${f.equipmentPerYear} kr. pr. projektår.`, f.src('S2')],
      [`Kørsel i egen bil højst efter statens lave takst pr. km: ${f.mileageRates}.`, f.src('S1', 'K5')],
      [
        f.vatEligible ? 'Moms er kun støtteberettiget, hvis ansøgeren selv bærer den.' : 'Ansøgerne får momsen refunderet: budgettér alle beløb ekskl. moms.',
        f.src('S11', 'H12', 'M4', 'S6'),
      ],
      ['Den samlede finansiering skal svare til de samlede udgifter; det ansøgte tilskud skal svare til budgettet.', f.src('S6', 'H13')],
      [
        `Budgetnoter til poster over ${f.noteAbove} kr.; en post til revision (tilskud over ${f.registeredAuditorAbove} kr. kræver registreret/statsautoriseret revisor${f.performanceAuditAbove !== undefined ? `, over ${f.performanceAuditAbove} kr. også forvaltningsrevision` : ''}).`,
        f.src('S4', 'H3'),
      ],
    ],
  },
  web: {
    title: 'budgettjek: tjek et budget i browseren',
    intro: 'Filerne læses her i browseren. Intet sendes nogen steder hen: siden henter og sender ingenting.',
    choose: 'Vælg .xlsx- eller .csv-filer, eller træk dem hertil',
    pool: 'Pulje',
    auto: 'Efter arbejdsbogens felt Pulje',
    lang: 'Sprog',
    checking: 'Tjekker …',
    done: (n) => `Tjekket: ${n} ${n === 1 ? 'fil' : 'filer'}.`,
    download: 'Hent JSON-rapporten',
    json: 'JSON-rapporten',
    failed: 'Tjekket kunne ikke køre',
  },
  cli: {
    notAnnotated: (path, why, detail) =>
      `${path}: ingen kommenteret kopi (${
        {
          'not-read': 'filen kunne ikke læses',
          'too-large': 'filen er over grænserne for hvad der tjekkes',
          'not-ooxml': 'filens opbygning er ikke som i en .xlsx-fil',
          failed: 'kopien kunne ikke skrives',
        }[why]
      }${detail ? `: ${detail}` : ''})`,
    approvedNotRead: (path, why) => `${path}: bruges ikke som godkendt budget (${why})`,
    watching: 'Holder øje med filerne; tjekker igen, hver gang en gemmes (Ctrl-C stopper).',
    again: '— tjekket igen —',
    posts: (n) => `${n} poster`,
    profileWritten: (file, id) => `${file}: ${id} (udfyld name, applicants.type og sources, og kør så: budgettjek pools show ${file})`,
    baselineWritten: (file, n) => `skrev ${file}, der accepterer ${n} fund`,
    baselineHidden: (n, file) => `${n} ${n === 1 ? 'accepteret fund' : 'accepterede fund'} skjult af ${file}`,
    baselineStale: (n) => `${n} ${n === 1 ? 'post' : 'poster'} i baseline svarer ikke længere til et fund (forældet; --write-baseline skriver filen igen):`,
    more: (n) => `… og ${n} mere`,
    help,
    errors,
  },
};

// input/*: what the file is, and what to do about it.
const WHAT: Record<string, string> = {
  empty: 'Filen er tom.',
  xls: 'Filen er i det gamle Excel-format (.xls), som budgettjek ikke læser.',
  encrypted: 'Filen er beskyttet med adgangskode (krypteret).',
  ods: 'Filen er et OpenDocument-regneark (.ods).',
  numbers: 'Filen er et Apple Numbers-dokument.',
  xlsb: 'Filen er en binær Excel-projektmappe (.xlsb).',
  html: 'Filen er en HTML-side gemt med et regnearks-filnavn (fx "HTML gemt som .xls").',
  xml2003: 'Filen er et XML-regneark fra Excel 2003.',
  pdf: 'Filen er en PDF, ikke et regneark.',
  rtf: 'Filen er et tekstdokument (RTF), ikke et regneark.',
  binary: 'Filen er ikke et regneark (ukendt binært format).',
  'zip-not-workbook': 'Filen er et zip-arkiv, men ikke en Excel-projektmappe (fx et Word-dokument).',
  'corrupt-zip': 'Filen er beskadiget og kan ikke åbnes som Excel-projektmappe.',
  truncated: 'Filen er afkortet eller beskadiget (fx halvt downloadet).',
  'zip-method': 'Filen bruger en komprimering, som Excel-projektmapper ikke bruger.',
  'xml-doctype': 'Filen indeholder XML med DOCTYPE/entiteter, som et regneark aldrig har; den er afvist af sikkerhedshensyn.',
  'not-found': 'Filen findes ikke.',
  'is-directory': 'Stien er en mappe, ikke en fil.',
  'folder-no-access': 'Mappen kan ikke læses (ingen adgang); filerne i den er ikke tjekket.',
  'folder-unreadable': 'Mappen kan ikke læses; filerne i den er ikke tjekket.',
  'dangling-link': 'Stien er et symbolsk link til en fil, der ikke findes.',
  'no-access': 'Filen kan ikke læses (ingen adgang).',
  'io-error': 'Filen kunne ikke læses.',
  'not-a-spreadsheet': 'Filen kan ikke læses som regneark.',
  crash: 'Filen fik indlæsningen til at fejle.',
  'approved-budget': 'Det godkendte budget kunne ikke læses.',
  fods: 'Filen er et flat OpenDocument-regneark (.fods, LibreOffice-XML).',
  gnumeric: 'Filen er en Gnumeric-projektmappe (.gnumeric, komprimeret XML).',
  xml: 'Filen er et XML-dokument, ikke en projektmappe, som budgettjek læser (.xlsx, .xlsm, .csv).',
  'link-loop': 'Stien er et symbolsk link, der fører tilbage til sig selv (en løkke af links).',
  'not-a-file': 'Stien er ikke en almindelig fil (et rør, en sokkel eller en enhed).',
  'folder-named-as-file': 'Stien er en mappe med en projektmappes navn (måske en udpakket .xlsx), ikke en fil.',
};

const HINT: Record<string, string> = {
  xls: 'Åbn filen i Excel eller LibreOffice og gem den som Excel-projektmappe (.xlsx).',
  encrypted:
    'Gem filen som .xlsx uden adgangskode (Excel: Filer > Oplysninger > Beskyt projektmappe > Krypter med adgangskode, slet adgangskoden) og kør igen.',
  ods: 'Åbn filen i LibreOffice og vælg Filer > Gem som > Excel 2007-365 (.xlsx).',
  numbers: 'Åbn filen i Numbers og vælg Arkiv > Eksporter til > Excel (.xlsx).',
  xlsb: 'Åbn filen i Excel og gem den som Excel-projektmappe (.xlsx).',
  html: 'Åbn filen i Excel eller LibreOffice og gem den som Excel-projektmappe (.xlsx).',
  xml2003: 'Åbn filen i Excel og gem den som Excel-projektmappe (.xlsx).',
  truncated: 'Hent filen igen fra Tilskudsportalen eller mailen, og kør igen.',
  'corrupt-zip': 'Hent filen igen; kan den åbnes i Excel, så gem den på ny som .xlsx.',
  'not-found': 'Tjek stien og filnavnet.',
  'no-access': 'Tjek filens rettigheder.',
  'folder-no-access': 'Tjek mappens rettigheder, eller kør budgettjek som en bruger, der kan læse den.',
  'dangling-link': 'Ret linket, så det peger på ansøgningens fil, eller slet det.',
  fods: 'Åbn filen i LibreOffice og vælg Filer > Gem som > Excel 2007-365 (.xlsx).',
  gnumeric: 'Åbn filen i Gnumeric eller LibreOffice og gem den som Excel-projektmappe (.xlsx).',
  'corrupt-part': 'Hent filen igen; kan den åbnes i Excel, så gem den på ny som .xlsx.',
  'missing-part': 'Hent filen igen; kan den åbnes i Excel, så gem den på ny som .xlsx.',
  'past-grid':
    'Åbn filen i Excel eller LibreOffice og gem den på ny som .xlsx; er den lavet af et program, så lad det skrive cellerne inden for A1:XFD1048576.',
  'link-loop': 'Ret linket, så det peger på ansøgningens fil, eller slet det.',
  'not-a-file': 'Angiv stien til selve projektmappens fil.',
  'folder-named-as-file': 'Angiv selve projektmappens fil (den .xlsx, der blev sendt), ikke en mappe.',
  'is-directory': 'Angiv selve projektmappens fil, ikke en mappe.',
};
/** Beskeden i et input/unreadable- eller input/unsupported-format-fund: hvad filen er, med den del eller det ark, hvor
 * læseren fandt den beskadiget, og for et godkendt budget, hvorfor det ikke kunne læses. */
function inputMessage(a: { what: string; entry?: string; detail?: string; found?: number }): string {
  switch (a.what) {
    case 'corrupt-part':
      return `Filen er beskadiget: en del af den${a.entry ? ` (${a.entry})` : ''} er afkortet eller er ikke XML (fx halvt downloadet eller afbrudt under gemning).`;
    case 'missing-part':
      return `Filen er beskadiget: arket ${a.detail ?? ''} står i den, men dets del${a.entry ? ` (${a.entry})` : ''} mangler.`;
    case 'past-grid':
      return `Arket ${a.detail ?? ''} har en celle efter Excels sidste række eller kolonne (XFD1048576), som intet regnearksprogram skriver: filen er beskadiget eller lavet i hånden.`;
    case 'approved-budget': {
      const why = a.detail ? (WHAT[a.detail] ?? a.detail) : '';
      return `Det godkendte budget kunne ikke læses${why ? `: ${why}` : '.'}`;
    }
    default:
      return WHAT[a.what] ?? WHAT['not-a-spreadsheet'];
  }
}
const inputHint = (a: { what: string; detail?: string }, otherwise: string) => HINT[a.what === 'approved-budget' ? String(a.detail) : a.what] ?? otherwise;

const mb = (n: unknown) => (typeof n === 'number' ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : '?');
const localeNum = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('da-DK') : '?');

function tooLarge(a: MessageInput<'input/too-large'>): string {
  switch (a.what) {
    case 'file-size':
      return `Filen er ${mb(a.found)}, over grænsen på ${mb(a.limit)}.`;
    case 'entries':
      return `Filen har ${localeNum(a.found)} dele, over grænsen på ${localeNum(a.limit)}.`;
    case 'inflated-size':
      return `Filen pakker ud til mere end ${mb(a.limit)} (${a.entry ?? ''}); den er afvist, før den blev pakket ud.`;
    case 'compression-ratio':
      return `Filen er pakket ${localeNum(a.found)} gange sammen (${a.entry ?? ''}), som en "zip-bombe".`;
    case 'xml-too-deep':
      return `Filens XML er indlejret dybere end ${a.limit} niveauer.`;
    case 'formulas':
      return `Arkenes formler fylder over ${localeNum(a.limit)} tegn, når de delte formler er foldet ud.`;
    case 'cells':
      return `Projektmappen har over ${localeNum(a.limit)} celler.`;
    case 'memory':
      return 'Filen brugte mere hukommelse, end der er afsat til én fil.';
    default:
      return `Et ark har ${localeNum(a.found)} ${a.what === 'rows' ? 'rækker' : a.what === 'columns' ? 'kolonner' : 'celler'}, over grænsen på ${localeNum(a.limit)}.`;
  }
}

// accounts/*: a percent as the accounts state it; what a deviation is measured on, where the pool's rule is not per
// post (a main line, or any salary change).
const pct = (v: unknown) => (v === 'inf' ? '∞' : String(v).replace('.', ','));
const scope = (a: MessageInput<'accounts/deviation-needs-approval' | 'accounts/missing-explanation'>) =>
  a.reason === 'salary-line'
    ? 'Puljen kræver godkendelse af enhver ændring af en lønpost. '
    : a.mainLine
      ? `Hovedposten ${a.mainLine} (dens poster i alt): `
      : '';

// structure/*: the built-in pools; the metadata fields by name.
const oneOf = (pools: unknown) => (Array.isArray(pools) ? pools.map(String).join(', ') : '');
const FIELD: Record<string, string> = { applicant: 'ansøger', cvr: 'CVR-nr.', requested: 'ansøgt beløb', period: 'projektperiode' };

export const rules: RuleMessages = {
  'input/unreadable': {
    title: 'Filen kan ikke læses',
    message: (a) => inputMessage(a),
    hint: (a) => inputHint(a, 'Åbn filen i Excel eller LibreOffice og gem den som Excel-projektmappe (.xlsx).'),
    why: 'Kun en fil, der kan læses, kan tjekkes; de øvrige filer tjekkes stadig.',
  },
  'input/unsupported-format': {
    title: 'Filformatet understøttes ikke',
    message: (a) => inputMessage(a),
    hint: (a) => inputHint(a, 'Gem filen som Excel-projektmappe (.xlsx) uden adgangskode.'),
    why: 'budgettjek læser .xlsx, .xlsm og .csv; andre formater skal gemmes som .xlsx først.',
  },
  'input/too-large': {
    title: 'Filen er for stor',
    message: (a) => tooLarge(a),
    hint: (a) =>
      a.what === 'file-size'
        ? 'Tjek, at det er den rigtige fil. Er den det, så hæv grænsen med --max-file-size <MB>.'
        : a.what === 'cells'
          ? 'Tjek, at det er den rigtige fil. Er den det, så hæv grænsen med --max-cells <antal>.'
          : 'Tjek, at det er den rigtige fil: et budget er langt mindre. Er den det, så åbn den i Excel eller LibreOffice, slet det, der ligger uden for budgettet (løse celler langt ude, ubrugte ark, billeder), og gem den på ny som .xlsx; ingen indstilling hæver denne grænse.',
    why: 'Grænserne beskytter mod filer, der ville bruge al maskinens hukommelse eller tid (fx zip-bomber).',
  },
  'input/misnamed': {
    title: 'Filens navn passer ikke til indholdet',
    message: (a) =>
      a.what === 'csv-named-xlsx'
        ? `Filen hedder .${a.named}, men er en CSV-tekstfil: den er læst som CSV.`
        : `Filen hedder .${a.named}, men er en Excel-projektmappe (.xlsx): den er læst som projektmappe.`,
    hint: (a) =>
      a.what === 'csv-named-xlsx'
        ? 'Omdøb den til .csv, eller åbn den og gem den som Excel-projektmappe (.xlsx): Excel nægter at åbne en CSV-fil, der hedder .xlsx.'
        : 'Omdøb den til .xlsx: Excel åbner en fil, der hedder .csv, som tekst og viser zip-bytes.',
    why: 'budgettjek læser en fil efter dens indhold, ikke dens navn; men ansøger og sagsbehandler åbner den efter navnet.',
  },
  'structure/no-budget-table': {
    title: 'Ingen budgettabel fundet',
    message: (a) =>
      a.unfilled
        ? `Budgetskemaet er ikke udfyldt: ${Array.isArray(a.sheets) && a.sheets.length > 1 ? 'tabellerne i arkene' : 'tabellen i arket'} ${list(a.sheets, 'da')} har ingen beløb.`
        : a.joined
          ? `Ingen budgettabel fundet: hver række står i én celle med felterne adskilt af ${a.joined === 'tab' ? 'tabulatorer' : 'semikolon'}, så der er ingen kolonner. Filen er en CSV-fil, der er åbnet eller importeret uden at blive delt i kolonner.`
          : `Ingen budgettabel fundet i arkene ${list(a.sheets, 'da')}: der er ingen overskriftsrække med en budgetpost-kolonne og måneds- eller i alt-kolonner i de første 30 rækker.`,
    hint: (a) =>
      a.unfilled
        ? 'Skriv budgetposterne med specifikation og beløb pr. måned, før budgettet tjekkes eller sendes.'
        : a.joined
          ? `Tjek den oprindelige CSV-fil med budgettjek, eller importér den igen med ${a.joined === 'tab' ? 'tabulator' : 'semikolon'} som skilletegn (i Excel: Data › Tekst til kolonner) og gem som .xlsx.`
          : 'Giv tabellen en overskriftsrække med fx "Budgetpost", månederne ("januar 2020" …) og "I alt".',
    why: 'Uden en budgettabel kan budgettet ikke tjekkes. Puljens budgetskema skal vise udgiftsposterne fordelt på måneder. Et skema uden beløb (fx budgettjeks egen skabelon, tom) er ikke et rent budget, men et, der ikke er udfyldt.',
  },
  'structure/missing-months': {
    title: 'Måneder i projektperioden uden kolonne',
    message: (a) =>
      a.found === 'quarters' && a.want === 'month'
        ? 'Budgettet er fordelt på kvartaler, men puljen kræver fordeling på måneder.'
        : a.found === 'none'
          ? a.want === 'quarter'
            ? 'Budgettet er ikke fordelt på kvartaler (eller måneder): der er kun år- eller i alt-kolonner.'
            : 'Budgettet er ikke fordelt på måneder: der er kun år- eller i alt-kolonner.'
          : a.want === 'quarter'
            ? `${a.count} kvartal(er) i projektperioden har ingen kolonne: ${list(a.months, 'da', (m) => quarterOfMonths(m, 'da'))}.`
            : `${a.count} måned(er) i projektperioden har ingen kolonne: ${list(a.months, 'da', (m) => month(m, 'da'))}.`,
    hint: (a) =>
      (a.found === 'quarters' && a.want === 'month' ? 'Fordel budgettet på måneder i stedet for kvartaler (én kolonne pr. måned). ' : '') +
      `Budgettet skal fordeles på alle ${a.want === 'quarter' ? 'kvartaler' : 'måneder'}${a.start ? ` fra ${month(a.start, 'da')} til ${month(a.end, 'da')}` : ' i projektperioden'}${a.source === 'pool' ? ' (puljens projektperiode)' : ''}. Tilføj de manglende ${a.want === 'quarter' ? 'kvartals' : 'måneds'}kolonner.`,
    why: 'Udgifter skal fordeles på måneder i hvert projektår, hvor projektet har udgifter. Mangler måneder, kan udgifterne ikke være fordelt rigtigt.',
  },
  'structure/duplicate-month': {
    title: 'Samme måned i to kolonner',
    message: (a) =>
      a.last !== undefined
        ? `De ${a.columns ?? '?'} kolonner fra ${monthOrQuarter(a.month, 'da', a.span)} til ${monthOrQuarter(a.last, 'da', a.span)} gentager en tidligere tabels (første gang i ${a.first}): tabellen står der to gange.`
        : `${monthOrQuarter(a.month, 'da', a.span)} står i to kolonner (første gang i ${a.first}).`,
    hint: (a) =>
      a.last !== undefined
        ? 'Slet kopien (et kopieret ark eller en kopieret tabel), eller giv den sine egne poster, hvis den er et selvstændigt budget (en aktivitet eller en partner).'
        : 'Ret overskriften, så hver måned kun har én kolonne.',
    why: 'En måned i to kolonner tælles dobbelt eller skjuler en fejl i overskriften.',
  },
  'structure/formula-error': {
    title: 'Formelfejl i en celle, der indgår i budgettet',
    message: (a) =>
      a.error === 'circular'
        ? `Formlen henviser til sin egen celle, direkte eller gennem andre celler (cirkulær reference); Excel viser den som 0${a.formula ? ` (formel =${a.formula})` : ''}.`
        : a.error === 'too-deep'
          ? `Formlen afhænger gennem for mange led af andre formler til at kunne beregnes; beløbet er ukendt${a.formula ? ` (formel =${a.formula})` : ''}.`
          : a.error === 'not-computed'
            ? `Formlen er gemt uden sit resultat, og budgettjek kan ikke beregne den; beløbet er ukendt og indgår ikke i udgifterne${a.formula ? ` (formel =${a.formula})` : ''}.`
            : `Cellen viser fejlen ${a.error}${a.formula ? ` (formel =${a.formula})` : ''}.`,
    hint: (a) =>
      a.error === 'not-computed'
        ? 'Åbn filen i Excel eller LibreOffice og gem den igen, så formlernes resultater gemmes, eller skriv beløbet.'
        : a.error === 'circular' || a.error === 'too-deep'
          ? 'Skriv beløbet eller en formel, der kun bygger på budgettets poster, ikke på sig selv.'
          : 'Ret formlen (#REF! betyder en slettet celle, #DIV/0! division med nul).',
    why: 'En fejlværdi betyder, at beløbet ikke kan beregnes, og at totalerne ikke kan stemme.',
  },
  'structure/non-numeric-amount': {
    title: 'Tekst hvor der skal stå et beløb',
    message: (a) => `"${a.text}" er ikke et beløb.`,
    hint: 'Skriv beløbet som et tal (fx 12500 eller 12.500,00) og flyt forklaringen til budgetnoten.',
    why: 'Tekst i en beløbscelle tælles ikke med i summerne.',
  },
  'structure/hidden-content': {
    title: 'Skjulte rækker, kolonner eller ark med beløb',
    message: (a) =>
      a.what === 'source'
        ? `Cellen henter sit beløb fra det skjulte ark "${a.source}".`
        : a.what === 'sheet'
          ? 'Et skjult ark indeholder budgetbeløb.'
          : a.what === 'column'
            ? `En skjult kolonne${a.month ? ` (${monthOrQuarter(a.month, 'da', a.span)})` : ''} indeholder beløb.`
            : 'En skjult række indeholder beløb.',
    hint: 'Vis det skjulte indhold eller slet det; alt, der tæller med, skal kunne ses.',
    why: 'Beløb, der tæller med i totalerne uden at kunne ses, gør budgettet uigennemskueligt for sagsbehandleren.',
  },
  'structure/missing-metadata': {
    title: 'Stamdata mangler',
    message: (a) =>
      a.blank
        ? `Feltet ${list(a.fields, 'da', (f) => FIELD[f] ?? f)} er ikke udfyldt.`
        : `Projektmappen oplyser ikke ${list(a.fields, 'da', (f) => FIELD[f] ?? f)}.`,
    hint: (a) => (a.blank ? 'Udfyld feltet.' : 'Tilføj et ark "Stamdata" med felterne Ansøger, CVR, Projekttitel, Pulje, Ansøgt beløb og Projektperiode.'),
    why: 'Uden stamdata kan ansøgt beløb og projektperiode ikke tjekkes mod budgettet.',
  },
  'structure/unknown-pool': {
    title: 'Ukendt pulje',
    message: (a) =>
      a.named
        ? `Feltet Pulje ("${a.named}") svarer ikke til nogen kendt pulje; filen er ikke tjekket mod puljens regler.`
        : 'Projektmappen angiver ingen pulje, og der er ikke givet --pool; filen er ikke tjekket mod puljens regler.',
    hint: (a) =>
      `Vælg puljen med --pool <id> (en af ${oneOf(a.pools)}) eller --pool <profil.yaml> for en pulje, der ikke er indbygget, eller skriv puljens id i feltet Pulje.`,
    why: 'Puljen bestemmer projektperiode, lofter, takster og hvad der er støtteberettiget; uden den kan budgettet ikke tjekkes. De øvrige filer tjekkes stadig.',
  },
  'distribution/not-distributed': {
    title: 'Beløb ikke fordelt på måneder',
    message: (a) => `Posten har i alt ${krText(a.actual, 'da')}, men intet beløb i månederne.`,
    hint: 'Fordel beløbet på de måneder, hvor udgiften falder.',
    why: 'Udgifter skal fordeles på måneder i hvert projektår, hvor projektet har udgifter.',
  },
  'distribution/sum-mismatch': {
    title: 'Månederne summerer ikke til postens i alt',
    message: (a) =>
      `Månederne summerer til ${krText(a.expected, 'da')}, men i alt er ${krText(a.actual, 'da')} (forskel ${diff(a.expected, a.actual, 'da')})${a.formula ? `; i alt er formlen =${a.formula}` : ', indtastet som tal'}.`,
    hint: (a) =>
      a.formula
        ? 'Formlen dækker ikke det, månederne gør: brug =SUM over alle månedskolonner, som de andre linjer.'
        : 'Ret månedsbeløbene eller i alt; brug =SUM over alle månedskolonner.',
    why: 'Når månederne og i alt ikke stemmer, ved ingen, hvilket beløb der søges om.',
  },
  'distribution/outside-period': {
    title: 'Udgifter uden for projektperioden',
    message: (a) =>
      a.stated
        ? `Den oplyste projektperiode ${month(a.statedStart, 'da')}–${month(a.statedEnd, 'da')} ligger ${a.wholly ? 'helt' : 'delvis'} uden for puljens periode: ${list(a.months, 'da', (m) => month(m, 'da'))} ligger uden for den${typeof a.actual === 'number' && a.actual !== 0 ? `, og ${krText(a.actual, 'da')} af budgettet falder i de måneder` : ''}.`
        : `${krText(a.actual, 'da')} ligger uden for projektperioden (${list(a.months, 'da', (m) => monthOrQuarter(m, 'da', a.span))}).`,
    hint: (a) =>
      a.stated
        ? `Puljens projektperiode er ${month(a.start, 'da')}–${month(a.end, 'da')}; ret projektperioden og flyt udgifterne ind i den.`
        : `Projektperioden er ${month(a.start, 'da')}–${month(a.end, 'da')}${a.source === 'pool' ? ' (puljens)' : ''}; flyt udgiften ind i perioden.`,
    why: 'Tilskuddet kan kun bruges til udgifter i projektperioden.',
  },
  'distribution/negative-amount': {
    title: 'Negativt beløb på en udgiftspost',
    message: (a) => `Udgiftsposten har et negativt beløb (${krText(a.actual, 'da')}${Number(a.count) > 1 ? ` og ${Number(a.count) - 1} til` : ''}).`,
    hint: 'Indtægter og finansiering hører under Finansiering, ikke som negative udgifter.',
    why: 'Negative udgifter skjuler indtægter i udgiftsposterne og forvrænger totalerne.',
  },
  'distribution/single-month': {
    title: 'Løbende udgift lagt i én måned',
    message: (a) => `Hele posten (${krText(a.actual, 'da')}) ligger i ${monthOrQuarter(a.month, 'da', a.span)}, men det ligner en løbende udgift.`,
    hint: 'Fordel løn, husleje og lignende på de måneder, hvor de betales.',
    why: 'Løn og husleje betales månedligt; lagt i én måned giver det et forkert billede af forbruget og udbetalingerne.',
  },
  'itemisation/lump-sum-post': {
    title: 'Samlepost (overhead, diverse, løn til medarbejdere …)',
    message: (a) =>
      a.itemised
        ? `"${a.post}" er en samlet post (${a.term}) på ${krText(a.actual, 'da')}; den er regnet ud som antal × enhedspris, men bør hedde det, den dækker.`
        : `"${a.post}" er en samlet post (${a.term}) på ${krText(a.actual, 'da')}; udgifter skal specificeres.`,
    hint: 'Del posten op i konkrete udgifter med antal × enhedspris (fx "Løn projektleder, 37 t/uge, 45.000 kr./md., 33 mdr."). Uforudsete udgifter kan ikke budgetteres.',
    why: 'Udgifter skal specificeres i budgettet og kan ikke samles i overordnede poster som løn til medarbejdere, overhead, administrationsbidrag eller diverse, og der må ikke være en post til uforudsete udgifter.',
  },
  'itemisation/salary-unspecified': {
    title: 'Lønpost uden timer eller sats',
    message: (a) => `Lønposten (${krText(a.actual, 'da')}) oplyser hverken timetal eller løn pr. time/måned.`,
    hint: 'Skriv fx "37 t/uge, 45.000 kr./md., 33 mdr." eller "1.200 timer à 350 kr.", og oplys lønniveau/overenskomst.',
    why: 'Løn budgetteres som timer × timesats (eller månedsløn × måneder med ugentlige timer) og højst efter relevant overenskomst.',
  },
  'itemisation/no-unit-price': {
    title: 'Ingen antal × enhedspris',
    message: (a) => `Posten (${krText(a.actual, 'da')}) angiver ikke antal × enhedspris.`,
    hint: 'Skriv i specifikationen, hvordan beløbet er regnet ud, fx "2 konferencer à 100.000 kr.".',
    why: 'Hver post bør kunne læses som antal × enhedspris i den periode, udgiften falder.',
  },
  'itemisation/unit-price-mismatch': {
    title: 'Antal × enhedspris stemmer ikke med beløbet',
    message: (a) =>
      a.thousands
        ? `"${a.text}" giver ${productEquals(a.factors, 'da')}${krText(a.expected, 'da')}, men posten er på ${krText(a.actual, 'da')}: ${a.thousands} poster er 1.000 gange mindre end deres antal × enhedspris, så beløbene er nok i 1.000 kr., uden at arket siger det.`
        : `"${a.text}" giver ${productEquals(a.factors, 'da')}${krText(a.expected, 'da')}, men posten er på ${krText(a.actual, 'da')} (forskel ${diff(a.expected, a.actual, 'da')}).`,
    hint: (a) =>
      a.thousands
        ? 'Skriv enheden i titlen eller overskriften (fx "Budget (1.000 kr.)" eller "I alt, t.kr."), eller angiv beløbene i kroner.'
        : 'Ret specifikationen eller beløbet, så de passer sammen.',
    why: 'Specifikationen er sagsbehandlerens grundlag for at vurdere beløbet; passer den ikke, er budgettet ikke retvisende.',
  },
  'itemisation/duplicate-post': {
    title: 'Samme post to gange',
    message: (a) => `Posten står også i ${a.first} med samme tekst og specifikation.`,
    hint: 'Slå linjerne sammen, eller skriv i specifikationen, hvad der adskiller dem.',
    why: 'Dobbelte poster tælles ofte dobbelt ved en fejl, og de gør budgettet svært at følge.',
  },
  'itemisation/missing-note': {
    title: 'Stor post uden budgetnote',
    message: (a) => `Posten er på ${krText(a.actual, 'da')} (over ${krText(a.expected, 'da')}) og har ingen budgetnote.`,
    hint: (a) =>
      a.hasNoteColumn
        ? 'Skriv i budgetnoten, hvad beløbet dækker, og hvorfor det er nødvendigt.'
        : 'Tilføj en kolonne "Budgetnote" og forklar de store poster.',
    why: 'Socialstyrelsen vurderer ansøgningen ud fra budgettet og budgetnoterne; store poster skal begrundes.',
  },
  'eligibility/ineligible-expense': {
    title: 'Udgift, der ikke er støtteberettiget',
    message: (a) =>
      `Posten ligner en udgift, der ikke kan gives tilskud til: ${inSentence(categoryLabel(String(a.category), 'da'))} ("${a.matched}"), ${krText(a.actual, 'da')}.`,
    hint: 'Fjern udgiften fra budgettet, eller finansier den på anden vis.',
    why: 'Der gives ikke tilskud til køb af fast ejendom, anlæg/ombygning/renovering, dækning af underskud, underhold, generel uddannelse af frivillige, projekter i udlandet/Grønland/Færøerne, overskudsdeling og engangsvederlag i løn, eller moms, som modtageren får refunderet.',
  },
  'eligibility/equipment-cap': {
    title: 'Anskaffelser over loftet pr. projektår',
    message: (a) =>
      `Anskaffelser i projektår ${a.year} (${month(a.from, 'da')}–${month(a.to, 'da')}) er på ${krText(a.actual, 'da')}, over loftet på ${krText(a.expected, 'da')}.`,
    hint: 'Reducer anskaffelserne, fordel dem på flere projektår, eller lej udstyret.',
    why: 'Materielanskaffelser over 50.000 kr. pr. år er ikke støtteberettigede.',
  },
  'eligibility/mileage-rate': {
    title: 'Kilometertakst over statens lave takst',
    message: (a) =>
      a.some
        ? `Kørsel er budgetteret til ${krText(a.actual, 'da')}/km; det er over statens lave takst på ${krText(a.expected, 'da')}/km i ${list(a.months, 'da', (m) => month(m, 'da'))}${a.alsoOver?.length ? ` (og over den takst, der gælder i ${list(a.alsoOver, 'da', (m) => month(m, 'da'))})` : ''}, men ikke over den højeste takst i projektets måneder (${krText(a.highest, 'da')}/km).`
        : `Kørsel er budgetteret til ${krText(a.actual, 'da')}/km, men statens lave takst er højst ${krText(a.expected, 'da')}/km i de måneder, posten har udgifter (den takst, der gælder i ${month(a.month, 'da')}).`,
    hint: (a) =>
      a.some
        ? `Budgettér hver måned med den takst, der gælder da (${a.source}), eller skriv, hvilke år taksten gælder.`
        : `Brug højst statens lave takst (${a.source}).`,
    why: 'Kørsel i egen bil dækkes højst med statens lave takst pr. km for almindelig godkendt kørsel; taksten fastsættes pr. år og kan ændres i løbet af året. Over den højeste takst i projektets måneder er det en fejl; over taksten i nogle af månederne kun en advarsel, fordi et budget, der er skrevet før en takst blev offentliggjort, ikke kan kende den.',
  },
  'eligibility/missing-audit': {
    title: 'Ingen post til revision',
    message: (a) =>
      `Budgettet har ingen post til revision${a.performance ? ` (tilskud over ${krText(a.performanceAbove ?? 50_000_000, 'da')} kræver også forvaltningsrevision)` : a.registered ? ` (tilskud over ${krText(a.registeredAbove ?? 10_000_000, 'da')} kræver registreret eller statsautoriseret revisor)` : ''}.`,
    hint: 'Tilføj en post "Revision" med antal erklæringer × pris.',
    why: 'Regnskabet skal revideres; revisionsudgifter er støtteberettigede og bør budgetteres.',
  },
  'eligibility/overhead-limit': {
    title: 'Overhead over puljens procentsats',
    message: (a) =>
      `Overhead i alt ${krText(a.actual, 'da')} er mere end de ${String(a.percent).replace('.', ',')} % af ${a.base === 'salaries' ? 'lønudgifterne' : 'de direkte udgifter'} (${krText(a.baseOre, 'da')}), som puljen tillader: højst ${krText(a.expected, 'da')}.`,
    hint: 'Sæt overhead ned til puljens procentsats af grundlaget, eller specificér udgifterne som egne poster.',
    why: 'Nogle tilskudsgivere tillader overhead op til en procentdel af fx lønsummen (DEFF: 20 %); mere end det er ikke støtteberettiget. Hvor puljen ikke tillader overhead (SBST), er det en samlepost.',
  },
  'eligibility/unclassified-expense': {
    title: 'Ukendt udgiftstype',
    message: (a) => `Ingen kendt udgiftskategori passer på posten (${krText(a.actual, 'da')}).`,
    hint: 'Skriv udgiftstypen i posten eller i en kolonne "Kategori" (fx Løn, Transport, Revision).',
    why: 'Kun kendte udgiftstyper kan tjekkes for støtteberettigelse; sagsbehandleren må se på resten.',
  },
  'eligibility/vat-included': {
    title: 'Budget inkl. moms, men ansøgeren får momsen refunderet',
    message: (a) =>
      `Budgettet er opgjort inkl. moms ("${a.raw}"), men puljens ansøgere (${a.applicants === 'municipality' ? 'kommuner' : String(a.applicants)}) får momsen refunderet.`,
    hint: 'Opgør alle beløb ekskl. moms og ret feltet Moms til "ekskl. moms".',
    why: 'Moms er kun en støtteberettiget udgift, hvis modtageren selv bærer den; kommuner får købsmomsen refunderet via momsrefusionsordningen.',
  },
  'cap/pool-exceeded': {
    title: 'Budgettet er større end puljens midler',
    message: (a) =>
      `${a.basis === 'requested' ? 'Det ansøgte tilskud' : 'Udgifterne i alt'} (${krText(a.actual, 'da')}) overstiger puljens midler (${krText(a.expected, 'da')}).`,
    hint: 'Skær budgettet ned, så det holder sig inden for puljens ramme.',
    why: 'Der kan ikke gives mere i tilskud, end puljen har til fordeling.',
  },
  'cap/annual-exceeded': {
    title: 'Årets udgifter over puljens årlige loft',
    message: (a) => `Udgifterne i ${a.year} (${krText(a.actual, 'da')}) overstiger puljens årlige ramme (${krText(a.expected, 'da')}).`,
    hint: 'Flyt udgifter til et andet projektår eller reducer dem.',
    why: 'Puljen fordeler et fast beløb om året.',
  },
  'cap/application-limit': {
    title: 'Ansøgt beløb uden for puljens grænser',
    message: (a) =>
      a.bound === 'applicant'
        ? `Der søges om ${krText(a.actual, 'da')}, mere end puljens maksimum på ${krText(a.expected, 'da')} pr. ansøger.`
        : a.bound === 'max'
          ? `Der søges om ${krText(a.actual, 'da')}, mere end puljens maksimum på ${krText(a.expected, 'da')} pr. ansøgning.`
          : `Der søges om ${krText(a.actual, 'da')}, mindre end puljens minimum på ${krText(a.expected, 'da')} pr. ansøgning.`,
    hint: 'Tilpas budgettet til puljens grænser.',
    why: 'Puljens regler sætter grænser for, hvor meget der kan søges om.',
  },
  'cap/co-financing': {
    title: 'Tilskud eller egenfinansiering uden for puljens krav',
    message: (a) =>
      a.kind === 'subsidy'
        ? `Der søges om ${krText(a.actual, 'da')}, men puljen dækker højst ${String(a.percent).replace('.', ',')} % af udgifterne (${krText(a.expenses, 'da')}): højst ${krText(a.expected, 'da')}.`
        : `Egen- og medfinansieringen er ${krText(a.actual, 'da')}, men puljen kræver mindst ${String(a.percent).replace('.', ',')} % af udgifterne (${krText(a.expenses, 'da')}): mindst ${krText(a.expected, 'da')}.`,
    hint: 'Sæt det ansøgte tilskud ned, eller øg egen-/medfinansieringen, så finansieringen svarer til puljens krav.',
    why: 'Nogle puljer dækker kun en del af udgifterne (fx 80 % af de støtteberettigede udgifter) eller kræver en egenfinansiering; et budget, der søger mere, kan ikke bevilges som søgt.',
  },
  'cap/requested-mismatch': {
    title: 'Ansøgt beløb stemmer ikke med budgettet',
    message: (a) =>
      `Ansøgt beløb er ${krText(a.actual, 'da')}, men ${a.basis === 'financing' ? 'finansieringens "Ansøgt tilskud"' : 'budgettets udgifter i alt'} er ${krText(a.expected, 'da')} (forskel ${diff(a.expected, a.actual, 'da')})${a.thousands ? ': 1.000 gange så meget, så budgettets beløb er nok i 1.000 kr., uden at arket siger det' : ''}.`,
    hint: 'Ret det ansøgte beløb, så det svarer til budgettet.',
    why: 'Det ansøgte tilskud skal svare til budgettet; ellers er det uklart, hvad der søges om.',
  },
  'cap/financing-mismatch': {
    title: 'Finansiering og udgifter stemmer ikke',
    message: (a) =>
      `Finansieringen i alt (${krText(a.actual, 'da')}) er ikke lig med udgifterne i alt (${krText(a.expected, 'da')}); forskel ${diff(a.expected, a.actual, 'da')}.`,
    hint: 'Budgettet må hverken være over- eller underfinansieret: ret ansøgt tilskud eller egen-/medfinansiering.',
    why: 'Den samlede finansiering skal svare til de budgetterede udgifter.',
  },
  'arithmetic/total-mismatch': {
    title: 'En total stemmer ikke med linjerne',
    message: (a) =>
      a.what === 'text'
        ? `Excel viser ${krText(a.actual, 'da')} her, men linjerne indeholder ${krText(a.expected, 'da')}: SUM springer ${a.count} beløb over, der er skrevet som tekst.`
        : a.what === 'summary'
          ? `Oversigten viser ${krText(a.actual, 'da')}, men ${a.sheets ? `arkene den summerer (${a.sheets.join(', ')})` : 'budgetarkene den summerer'} har ${krText(a.expected, 'da')} (forskel ${diff(a.expected, a.actual, 'da')}).`
          : `${a.what === 'year' ? `I alt ${a.year}` : 'Totalen'} er ${krText(a.actual, 'da')}, men linjerne summerer til ${krText(a.expected, 'da')} (forskel ${diff(a.expected, a.actual, 'da')})${Number(a.count) > 1 ? `; ${a.count} celler i rækken afviger` : ''}.`,
    hint: (a) =>
      a.what === 'text'
        ? 'Skriv beløbene som tal (fx 12500), ikke som tekst ("12.500 kr."), så SUM tæller dem med.'
        : a.what === 'summary'
          ? `Lad oversigten hente sine tal fra ${a.sheets ? 'årsarkene' : 'budgetarkene'} med formler, og ret den celle, der afviger.`
          : 'Brug en SUM-formel, der dækker alle linjer (og kun dem).',
    why: 'budgettjek genberegner alle totaler fra linjerne og stoler aldrig på en gemt total.',
  },
  'arithmetic/hardcoded-total': {
    title: 'Indtastet tal hvor de andre totaler er formler',
    message: () => 'Totalen er et indtastet tal, mens de tilsvarende totaler er formler.',
    hint: 'Erstat tallet med en SUM-formel, så totalen følger med, når linjerne ændres.',
    why: 'En indtastet total bliver forkert, så snart en linje ændres.',
  },
  'arithmetic/inconsistent-formula': {
    title: 'Formel bryder mønstret',
    message: (a) => `Formlen =${a.formula} dækker et andet område end nabocellernes (fx ${a.example}).`,
    hint: 'Kopiér formlen fra nabocellen, så alle totaler dækker samme kolonner/rækker.',
    why: 'En total, der springer en måned eller linje over, er den klassiske regnearksfejl.',
  },
  'accounts/unbudgeted-post': {
    title: 'Post, der ikke er i det godkendte budget',
    message: (a) =>
      a.against === 'approved'
        ? `Posten findes ikke i det godkendte budget (forbrug ${krText(a.actual, 'da')}).`
        : `Posten har forbrug (${krText(a.actual, 'da')}) men intet budget.`,
    hint: 'Brug det godkendte budgets poster og navne; en ny post kræver forudgående godkendelse (projektændring).',
    why: 'Regnskabet må kun indeholde udgiftsposter fra det senest godkendte budget, i samme struktur.',
  },
  'accounts/budget-mismatch': {
    title: 'Regnskabets budgettal afviger fra det godkendte budget',
    message: (a) => `Budgetkolonnen siger ${krText(a.actual, 'da')}, men det godkendte budget (${a.approvedAt}) siger ${krText(a.expected, 'da')}.`,
    hint: 'Skriv det senest godkendte budget i budgetkolonnen.',
    why: 'Afvigelser måles mod det godkendte budget; et ændret budgettal skjuler afvigelsen.',
  },
  'accounts/deviation-needs-approval': {
    title: 'Afvigelse over 10 % eller 100.000 kr. uden godkendelse',
    message: (a) =>
      a.reason === 'missing-post'
        ? `Posten er i det godkendte budget (${krText(a.expected, 'da')}${a.approvedAt ? `, i ${a.approvedAt}` : ''}), men mangler i regnskabet: hele dens budget afviger, og der er ingen godkendelse.`
        : `${scope(a)}Forbruget ${krText(a.actual, 'da')} afviger ${diff(a.expected, a.actual, 'da')} (${pct(a.pct)} %) fra budgettet ${krText(a.expected, 'da')}, og ${a.explained ? 'forklaringen nævner ingen godkendelse' : 'der er hverken forklaring eller godkendelse'}.`,
    hint: (a) =>
      a.reason === 'missing-post'
        ? 'Før posten i regnskabet med forbruget på den (0 kr., hvis intet er brugt) og en forklaring på, hvornår Socialstyrelsen godkendte ændringen, i det godkendte budgets struktur.'
        : 'Skriv i forklaringen, hvornår Socialstyrelsen godkendte ændringen (fx "godkendt 12.3.2021"), eller søg om godkendelse.',
    why: 'Budgetændringer over 10 % eller over 100.000 kr. kræver forudgående godkendelse.',
  },
  'accounts/missing-explanation': {
    title: 'Stor afvigelse uden forklaring',
    message: (a) =>
      `${scope(a)}Forbruget ${krText(a.actual, 'da')} afviger ${diff(a.expected, a.actual, 'da')} (${pct(a.pct)} %) fra budgettet, og der er ingen forklaring.`,
    hint: 'Forklar afvigelsen og henvis til Socialstyrelsens godkendelse.',
    why: 'Væsentlige afvigelser skal forklares, og afvigelser over tærsklerne skal være godkendt på forhånd.',
  },
  'accounts/total-exceeds-grant': {
    title: 'Forbruget overstiger tilskuddet',
    message: (a) =>
      `Det samlede forbrug ${krText(a.actual, 'da')} overstiger ${a.source === 'accounts' ? 'det bevilgede beløb' : 'det godkendte budgets tilskud'} ${krText(a.expected, 'da')}.`,
    hint: 'Merforbruget skal finansieres af andre midler og fremgå som egenfinansiering.',
    why: 'Tilskuddet dækker højst det bevilgede beløb.',
  },
  'accounts/unspent-funds': {
    title: 'Ubrugte midler skal tilbagebetales',
    message: (a) => `${krText(a.unspent, 'da')} af tilskuddet (${krText(a.expected, 'da')}) er ikke brugt.`,
    hint: (a) => `Beløbet skal tilbagebetales, medmindre en overførsel til næste år er godkendt (beløb under ${krText(a.deMinimis, 'da')} opkræves ikke).`,
    why: 'Ubrugte midler tilbagebetales; det er en advarsel, fordi en godkendt overførsel kan dække dem, og fordi det ikke er en fejl i regnskabet.',
  },
  'accounts/outside-period': {
    title: 'Forbrug uden for projektperioden',
    message: (a) =>
      a.stated
        ? `Den oplyste projektperiode ${month(a.statedStart, 'da')}–${month(a.statedEnd, 'da')} ligger delvis uden for puljens periode: ${list(a.months, 'da', (m) => month(m, 'da'))} ligger uden for den${typeof a.actual === 'number' && a.actual !== 0 ? `, og ${krText(a.actual, 'da')} er brugt i de måneder` : ''}.`
        : `${krText(a.actual, 'da')} er brugt uden for projektperioden (${list(a.months, 'da', (m) => month(m, 'da'))}).`,
    hint: (a) => `${a.stated ? 'Puljens projektperiode' : 'Projektperioden'} er ${month(a.start, 'da')}–${month(a.end, 'da')}.`,
    why: 'Tilskuddet skal bruges inden for projektperioden.',
  },
  'accounts/no-approved-budget': {
    title: 'Intet godkendt budget til regnskabet',
    message: (a) =>
      Array.isArray(a.ambiguous) && a.ambiguous.length
        ? `Flere godkendte budgetter passer til regnskabet: ${list(a.ambiguous, 'da')}; regnskabet er kun tjekket for sig selv.`
        : `Ingen af de ${a.budgets} godkendte budgetter har regnskabets CVR, ansøgernavn eller filnavn; regnskabet er kun tjekket for sig selv.`,
    hint: 'Læg det godkendte budget i budgetmappen med samme CVR-nr. eller ansøgernavn i Stamdata, eller tjek regnskabet alene med --budget FIL.',
    why: 'Regnskabet skal holdes op mod det senest godkendte budget; uden det kan afvigelser, poster uden for budgettet og budgettal, der er ændret, ikke findes. En fejl, fordi tjekket mod budgettet ikke er sket.',
  },
  'internal/rule-failed': {
    title: 'En regel fejlede på filen',
    message: (a) => `Reglen ${a.failedRule} kunne ikke køres på filen (${a.error}); de øvrige regler er kørt.`,
    hint: 'Tjek filen manuelt for dette punkt, og meld fejlen til budgettjek.',
    why: 'En programfejl i én regel må ikke stoppe tjekket af resten.',
  },
  'pool/oversubscribed': {
    title: 'Puljen er overtegnet',
    message: (a) =>
      `De ${a.files} ansøgninger søger tilsammen ${krText(a.actual, 'da')}, ${krText(a.over, 'da')} mere end puljens ${krText(a.expected, 'da')} (${String(a.ratio).replace('.', ',')} gange puljen).${a.duplicates ? ` ${a.duplicates === 1 ? 'Et budget' : `${a.duplicates} budgetter`} mere fra en ansøger, der allerede er talt med (samme CVR), er ikke talt med (${krText(a.leftOut, 'da')}): hver ansøger tæller én gang, med sin største ansøgning.` : ''}`,
    hint: 'Ansøgningerne skal prioriteres efter tildelingskriterierne.',
    why: 'Sagsbehandleren skal vide, om puljen kan dække alle ansøgninger.',
  },
  'pool/duplicate-applicant': {
    title: 'Samme ansøger (CVR) i flere filer',
    message: (a) =>
      `CVR ${a.cvr}${a.applicant ? ` (${a.applicant})` : ''} står i ${Array.isArray(a.files) ? a.files.length : 2} filer: ${list(a.files, 'da')}.${a.oneGrantPerApplicant ? ' Puljen giver kun ét tilskud pr. ansøger.' : ''}`,
    hint: 'Tjek om det er en genfremsendelse eller en dublet, og behandl kun den gældende ansøgning.',
    why: 'To ansøgninger fra samme ansøger i én pulje er oftest en dublet eller en rettet version; som advarsel, fordi det kan være to forskellige projekter.',
  },
};
