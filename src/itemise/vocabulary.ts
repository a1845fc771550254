// The expense vocabulary (data): Danish expense categories with synonyms and stems; "*" marks a stem (any ending).
// Category ids are a contract shared with pool profiles and the budget template.

export interface CategoryDef {
  id: string;
  da: string;
  en: string;
  eligible: boolean;
  /** Phrases matched at word starts; a trailing * matches any ending ("kursus*" → kursusafgift). */
  terms: string[];
  /** Texts that look like a term but are not this category (e.g. "momsfri" is not VAT). */
  not?: string[];
  /** Tie-break: a higher priority wins between equally long matches. */
  priority?: number;
}

export const CATEGORIES: CategoryDef[] = [
  {
    id: 'salary', da: 'Løn', en: 'Salary', eligible: true, priority: 1,
    terms: ['løn*', 'lønning*', 'lønudgift*', 'gage', 'projektleder*', 'projektmedarbejder*', 'projektkoordinator*', 'koordinator*', 'medarbejder*', 'socialrådgiver*',
      'pædagog*', 'sygeplejerske*', 'ergoterapeut*', 'fysioterapeut*', 'psykolog*', 'timeløn*', 'årsværk*', 'frikøb*', 'vikar*', 'pension*', 'ansættelse*',
      'stilling*', 'peer-medarbejder*', 'peermedarbejder*', 'mentor*', 'projektansat*', 'konsulentløn*', 'fuldtidsstilling*', 'deltidsstilling*', 'studentermedhjælp*'],
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
    terms: ['materiale*', 'trykning*', 'tryk', 'tryksag*', 'kontorartikler', 'kontorhold*', 'papir*', 'print', 'kopiering*', 'porto*', 'aktivitetsmateriale*', 'undervisningsmateriale*'],
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
    id: 'audit', da: 'Revision', en: 'Audit', eligible: true, priority: 3,
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
  },
  {
    id: 'property', da: 'Køb af fast ejendom', en: 'Purchase of real property', eligible: false, priority: 5,
    terms: ['køb af ejendom*', 'fast ejendom', 'grundkøb*', 'ejendomskøb*', 'køb af bygning*', 'køb af hus*', 'køb af grund*', 'køb af lejlighed*', 'erhvervelse af ejendom*'],
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
    terms: ['underhold', 'underholdsudgift*', 'underholdsbidrag*', 'leveomkostning*', 'forsørgelse*', 'lommepenge*', 'kontanthjælp*', 'husleje til deltager*', 'husleje for borger*', 'ydelse til borger*'],
  },
  {
    id: 'volunteer-training', da: 'Generel uddannelse af frivillige', en: 'General training of volunteers', eligible: false, priority: 6,
    terms: ['uddannelse af frivillige', 'kursus for frivillige', 'kurser for frivillige', 'frivilliguddannelse*', 'undervisning af frivillige', 'træning af frivillige', 'uddannelse til frivillige', 'kursus til frivillige', 'kurser til frivillige'],
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
    terms: ['uforudsete*', 'uforudset*', 'buffer*', 'reserve', 'reservepulje*'],
  },
];
