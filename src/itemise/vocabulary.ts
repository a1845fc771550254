// The expense vocabulary (data): Danish expense categories with synonyms and stems; "*" marks a stem (any ending).
// Category ids are a contract shared with pool profiles and the budget template.

// Patterns (terms, lump sums, exceptions) are matched in lower-cased, NFC text:
//   "kursus*"              a word starting with it: a trailing * is any ending (kursusafgift), a leading * any beginning
//   "leje af lokale*"      words in this order, any spacing
//   "husleje* + deltager*" every part anywhere in the text, in any order and form ("Tilskud til deltageres husleje")
//   "^diverse"             only where the post starts; "diverse$" only where it ends ("Materialer, diverse")

export interface CategoryDef {
  id: string;
  da: string;
  en: string;
  eligible: boolean;
  /** Patterns of the category (see above). */
  terms: string[];
  /** Texts that look like a term but are not this category (e.g. "momsfri" is not VAT); for a term of parts ("a + b")
   * they are looked for in the whole text ("Husleje til mødelokale for deltagerne" is premises, not living costs). */
  not?: string[];
  /** Tie-break: a higher priority wins between equally long matches. */
  priority?: number;
  /** Costs that are one fee by nature (the audit of the project): a single amount is its units × unit price. */
  singleFee?: boolean;
}

export const CATEGORIES: CategoryDef[] = [
  {
    id: 'salary', da: 'Løn', en: 'Salary', eligible: true, priority: 1,
    terms: ['løn*', 'lønning*', 'lønudgift*', 'gage', 'projektleder*', 'projektmedarbejder*', 'projektkoordinator*', 'koordinator*', '*koordinator', '*koordinatorer', '*koordinators', 'medarbejder*', 'socialrådgiver*',
      'pædagog*', 'sygeplejerske*', 'ergoterapeut*', 'fysioterapeut*', 'psykolog*', 'timeløn*', 'årsværk*', 'frikøb*', 'vikar*', 'pension*', 'ansættelse*',
      'stilling*', 'peer-medarbejder*', 'peermedarbejder*', 'administrationsmedarbejder*', 'kontormedarbejder*', 'sekretær*', 'fuldmægtig*', 'mentor*', 'projektansat*', 'konsulentløn*', 'fuldtidsstilling*', 'deltidsstilling*', 'studentermedhjælp*',
      // people by their job: a familiehusleder, a sundhedsplejerske, a familiebehandler
      '*leder', '*ledere', '*plejerske', '*plejersker', '*behandler', '*behandlere'],
  },
  {
    id: 'fee', da: 'Honorarer og konsulenter', en: 'Fees and consultants', eligible: true, priority: 2,
    terms: ['honorar*', 'konsulent*', 'ekstern bistand', 'ekstern konsulent*', 'rådgivning*', 'underviser*', 'oplægsholder*', 'foredragsholder*', 'supervision*', 'supervisor*', 'facilitator*', 'processtøtte', 'processtøtte', 'implementeringsstøtte', 'tolk*', 'tolkning*'],
  },
  {
    id: 'transport', da: 'Transport og kørsel', en: 'Transport and mileage', eligible: true, priority: 2,
    terms: ['kørsel*', 'kilometer*', 'km-godtgørelse*', 'kørselsgodtgørelse*', 'befordring*', 'rejse*', 'rejseudgift*', 'togbillet*', 'tog', 'bus', 'busser', 'bustur*', 'fly', 'flybillet*', 'transport*', 'parkering*', 'taxa*', 'taxi*', 'leje af bus*', 'egen bil'],
  },
  {
    id: 'catering', da: 'Forplejning', en: 'Catering', eligible: true, priority: 2,
    terms: ['forplejning*', 'mad', 'frokost*', 'kaffe*', 'bespisning*', 'morgenmad*', 'middag*', 'måltid*', 'kage*', 'traktement*', 'catering*', 'frugt'],
  },
  {
    id: 'premises', da: 'Lokaler og husleje', en: 'Premises and rent', eligible: true, priority: 2,
    terms: ['husleje*', 'lokaleleje*', 'leje af lokale*', 'lokale*', 'mødelokale*', 'kontorlokale*', 'lejemål*', 'leje af mødelokale*', 'rengøring*', 'el og varme', 'forbrugsudgift*'],
  },
  {
    id: 'materials', da: 'Materialer og trykning', en: 'Materials and printing', eligible: true, priority: 2,
    terms: ['materiale*', 'reservedel*', 'værktøj*', 'trykning*', 'tryk', 'tryksag*', 'kontorartikler', 'kontorhold*', 'papir*', 'print', 'kopiering*', 'porto*', 'aktivitetsmateriale*', 'undervisningsmateriale*'],
  },
  {
    id: 'training', da: 'Kompetenceudvikling og kurser', en: 'Training and courses', eligible: true, priority: 2,
    terms: ['*kursus*', '*kurser*', '*konference*', '*seminar*', 'kursusafgift*', 'uddannelse*', 'kompetenceudvikling*', 'efteruddannelse*', 'videreuddannelse*', 'konference*', 'seminar*', 'workshop*', 'temadag*', 'opkvalificering*', 'træning*', 'netværksmøde*', 'studietur*'],
  },
  {
    id: 'communication', da: 'Formidling', en: 'Communication', eligible: true, priority: 2,
    terms: ['formidling*', 'kommunikation*', 'hjemmeside*', 'pjece*', 'folder*', 'annonce*', 'annoncering*', 'film*', 'video*', 'nyhedsbrev*', 'pressemateriale*', 'markedsføring*', 'plakat*', 'podcast*', 'informationsmateriale*'],
  },
  {
    id: 'evaluation', da: 'Evaluering', en: 'Evaluation', eligible: true, priority: 2,
    terms: ['evaluering*', 'dataindsamling*', 'analyse*', 'måling*', 'målinger', 'spørgeskema*', 'effektmåling*', 'dokumentation*', 'opfølgning*', 'interview*'],
  },
  {
    id: 'audit', da: 'Revision', en: 'Audit', eligible: true, priority: 3, singleFee: true,
    terms: ['revision*', 'revisor*', 'revisorerklæring*', 'forvaltningsrevision*', 'regnskabsgennemgang*', 'revisionsprotokollat*'],
  },
  {
    id: 'equipment', da: 'Anskaffelser, udstyr og IT', en: 'Equipment and IT', eligible: true, priority: 2,
    terms: ['anskaffelse*', 'indkøb af udstyr', '*udstyr*', 'computer*', 'pc', "pc'er", 'pc-er', 'bærbar*', 'ipad*', 'tablet*', 'telefon*', 'mobiltelefon*', 'smartphone*', 'software*', 'licens*',
      'møbler*', 'inventar*', 'it-udstyr*', 'it', 'projektor*', 'printer*', 'hardware*', 'skærm*', 'kamera*', 'materiel*', 'indkøb af computer*', 'indkøb af møbler*'],
  },
  {
    id: 'administration', da: 'Administration', en: 'Administration', eligible: true, priority: 1,
    terms: ['administration*', 'bogføring*', 'administrativ bistand', 'sekretariat*', 'regnskabsføring*'],
    not: ['administrationsmedarbejder'],
  },
  {
    id: 'property', da: 'Køb af fast ejendom', en: 'Purchase of real property', eligible: false, priority: 5,
    terms: ['køb af ejendom*', 'fast ejendom', 'grundkøb*', 'ejendomskøb*', 'køb af bygning*', 'køb af hus*', 'køb af grund*', 'køb af lejlighed*', 'erhvervelse af ejendom*',
      'køb* + ejendom', 'køb* + ejendomme', 'køb* + ejendommen', 'erhverv* + ejendom', 'erhverv* + ejendommen'],
    not: ['materiale', 'leje', 'udstyr', 'inventar', 'møbler', 'rengøring', 'vedligehold', 'forsikring', 'ydelse'],
  },
  {
    id: 'construction', da: 'Anlæg, ombygning og renovering', en: 'Construction, conversion and renovation', eligible: false, priority: 5,
    terms: ['anlæg', 'anlægsudgift*', 'anlægsarbejde*', 'anlægsomkostning*', 'ombygning*', 'renovering*', 'istandsættelse*', 'nybyggeri*', 'tilbygning*', 'byggeri*', 'byggeudgift*', 'håndværker*', 'opførelse af bygning*', 'modernisering af lokale*'],
  },
  {
    id: 'deficit', da: 'Dækning af underskud', en: 'Covering a deficit', eligible: false, priority: 5,
    terms: ['underskud*', 'dækning af underskud', 'driftsunderskud*', 'underskudsdækning*'],
  },
  {
    id: 'living-costs', da: 'Underhold af enkeltpersoner', en: "Individuals' living costs", eligible: false, priority: 5,
    terms: ['underhold', 'underholdsudgift*', 'underholdsbidrag*', 'leveomkostning*', 'forsørgelse*', 'lommepenge*', 'kontanthjælp*', 'huslejetilskud*', 'huslejestøtte*', 'boligstøtte*',
      'husleje* + deltager*', 'husleje* + borger*', 'husleje* + beboere', 'husleje* + beboernes', 'husleje* + tilskud*', 'husleje* + enkeltpersoner*', 'husleje* + unge*', 'husleje* + brugere', 'husleje* + brugernes',
      'ydelse* + borger*', 'ydelse* + deltager*', 'leveomkostning* + deltager*'],
    // The project's own premises and meetings are rent of a room, not an individual's living cost.
    not: ['lokale', 'møde', 'kontor', 'værested', 'mødested', 'aktivitetshus', 'projekthus', 'borgerhus', 'borgercenter', 'deltagerbetaling', 'deltagergebyr', 'sal ', 'hal ', 'til projektet'],
  },
  {
    id: 'volunteer-training', da: 'Generel uddannelse af frivillige', en: 'General training of volunteers', eligible: false, priority: 6,
    terms: ['frivilliguddannelse*', 'frivilligkursus*', 'frivilligkurser*', 'frivillig* + uddannelse*', 'frivillig* + kursus*', 'frivillig* + kurser*', 'frivillig* + undervisning*', 'frivillig* + træning*', 'frivillig* + opkvalificering*', 'frivillig* + efteruddannelse*'],
    // Paying the volunteers' driving or food at a course, or their coordinator, is not their training.
    not: ['kørsel', 'transport', 'forplejning', 'koordinator', 'koordinering', 'rekruttering', 'supervision', 'underviser i projektet'],
  },
  {
    id: 'abroad', da: 'Aktiviteter i udlandet, Grønland eller Færøerne', en: 'Activities abroad, in Greenland or the Faroe Islands', eligible: false, priority: 6,
    terms: ['udlandet', 'i udlandet', 'grønland*', 'færøerne*', 'studietur til udlandet', 'udenlandsrejse*', 'ophold i udlandet', 'rejse til udlandet'],
  },
  {
    id: 'bonus', da: 'Bonus og overskudsdeling', en: 'Bonus and profit-sharing', eligible: false, priority: 6,
    terms: ['bonus*', 'engangsvederlag*', 'overskudsdeling*', 'resultatløn*', 'gratiale*', 'engangsbonus*', 'resultatbonus*'],
  },
  {
    id: 'vat', da: 'Moms', en: 'VAT', eligible: false, priority: 6,
    terms: ['moms', 'momsudgift*', 'merværdiafgift*', 'moms af'],
    not: ['ekskl. moms', 'ekskl moms', 'eksklusiv moms', 'excl. moms', 'ex moms', 'ex. moms', 'uden moms', 'inkl. moms', 'inkl moms', 'inklusiv moms', 'incl. moms', 'momsfri', 'momsfritaget', 'fri for moms'],
  },
  {
    id: 'unforeseen', da: 'Uforudsete udgifter', en: 'Unforeseen expenses', eligible: false, priority: 6,
    terms: ['uforudse*', 'buffer', 'bufferbeløb*', 'bufferpulje*', 'reserve', 'reserver', 'reservebeløb*', 'reservepulje*'],
  },
];

/**
 * A lump sum: a post that gathers expenses instead of specifying them (SPEC §2: "løn til medarbejdere, overhead,
 * administrationsbidrag eller diverse", no post for "uforudsete udgifter"). National data: it applies to every pool;
 * a pool profile's own lumpSumTerms add to it.
 */
export interface LumpSumDef {
  id: string;
  /** Patterns that make a post this lump sum wherever they stand (see the pattern syntax above). */
  terms: string[];
  /** Patterns that make it one only when nothing specific follows: every other word of the post is generic
   * ("Andre udgifter", "Administration (7 %)" are lump sums; "Andet møde i styregruppen", "Administration af
   * frivilligkorps" are not). */
  weak?: string[];
  /** A line that itemises it as units × unit price is at most a warning ("Diverse materialer: 20 stk. à 150 kr."). */
  itemisable?: boolean;
  /** Patterns that make the post no lump sum: the specific near-misses. */
  not?: string[];
}

export const LUMP_SUMS: LumpSumDef[] = [
  { id: 'overhead', terms: ['overhead*', 'indirekte omkostning*', 'indirekte udgift*', 'fællesomkostning*'], not: ['overheadprojektor*', 'overhead-projektor*'] },
  {
    id: 'administration',
    terms: ['administrationsbidrag*', 'administrationsgebyr*', 'administrationstillæg*', 'administrationsudgift*', 'administrationsomkostning*', 'administrationsprocent*',
      'administrative udgifter', 'administrative omkostninger', 'adm. udgifter', 'adm udgifter', 'adm.-bidrag*', 'adm.bidrag*', 'admbidrag*'],
    weak: ['administration', 'adm.'],
    // A person doing administrative work, with hours, is salary: "Administrativ medarbejder, 10 t/uge à 250 kr.".
    not: ['administrativ medarbejder*', 'administrationsmedarbejder*', 'administrativ* + timer', 'administrativ* + t/uge', 'administrativ* + kr./time', 'administrativ* + årsværk*'],
  },
  { id: 'miscellaneous', terms: ['^diverse', '^div.', '^div', 'diverse$', 'div.$'], weak: ['diverse', 'div.'], itemisable: true },
  { id: 'other', terms: ['^øvrig*'], weak: ['andet', 'andre', 'øvrig*', 'i øvrigt'], itemisable: true },
  {
    id: 'staff-salaries',
    terms: ['løn til medarbejdere', 'medarbejderløn*', 'løn* + medarbejdere', 'løn* + medarbejderne', 'løn* + personale', 'løn* + personalet', 'personaleudgift*', 'personaleomkostning*', 'lønpulje*'],
    weak: ['lønudgift*', 'lønninger', 'lønomkostning*'],
    itemisable: true,
    // A role named beside the plural ("Løn til 2 peer-medarbejdere") is specific.
    not: ['peer-medarbejder*', 'peermedarbejder*', 'frivillige medarbejdere'],
  },
  { id: 'unforeseen', terms: ['uforudse*', 'buffer', 'bufferbeløb*', 'bufferpulje*', 'reserve', 'reserver', 'reservebeløb*', 'reservepulje*'], not: ['reservedel*'] },
];

/** Words that say nothing about what is bought: what may follow a weak lump-sum term ("Andre udgifter i alt"). */
export const GENERIC_WORDS: string[] = [
  'udgift*', 'omkostning*', 'post', 'poster', 'posten', 'mv', 'm.v', 'mm', 'm.m', 'etc', 'og', 'lign*', 'i', 'alt', 'til', 'af', 'for', 'ved', 'på', 'projekt*', 'budget*', 'tilskud*',
  'samlede', 'samlet', 'øvrigt', 'øvrige', 'diverse', 'div', 'andet', 'andre', 'pct', 'procent', 'kr', 'driftsudgift*', 'driftsomkostning*', 'ting', 'småting', 'småudgift*',
  'løbende', 'generel*', 'alle', 'evt', 'eventuel*', 'lønudgift*', 'lønsum*', 'udgifterne', 'aktivitet*', 'drift*', 'indsats*', 'formål*',
];
