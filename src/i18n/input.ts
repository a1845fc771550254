// Messages of the input/* findings: what the file is, and what to do about it, in Danish and English.
import type { MessageTable, MsgInput } from './types.js';

const WHAT_DA: Record<string, string> = {
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
};
const WHAT_EN: Record<string, string> = {
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
};

const HINT_DA: Record<string, string> = {
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
};
const HINT_EN: Record<string, string> = {
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
};

const mb = (n: unknown) => (typeof n === 'number' ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : '?');
const num = (n: unknown, lang: 'da' | 'en') => (typeof n === 'number' ? n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB') : '?');

function tooLarge(a: MsgInput, lang: 'da' | 'en'): string {
  const da = lang === 'da';
  switch (a.what) {
    case 'file-size':
      return da ? `Filen er ${mb(a.found)}, over grænsen på ${mb(a.limit)}.` : `The file is ${mb(a.found)}, over the limit of ${mb(a.limit)}.`;
    case 'entries':
      return da
        ? `Filen har ${num(a.found, lang)} dele, over grænsen på ${num(a.limit, lang)}.`
        : `The file has ${num(a.found, lang)} parts, over the limit of ${num(a.limit, lang)}.`;
    case 'inflated-size':
      return da
        ? `Filen pakker ud til mere end ${mb(a.limit)} (${a.entry ?? ''}); den er afvist, før den blev pakket ud.`
        : `The file unpacks to more than ${mb(a.limit)} (${a.entry ?? ''}); refused before unpacking.`;
    case 'compression-ratio':
      return da
        ? `Filen er pakket ${num(a.found, lang)} gange sammen (${a.entry ?? ''}), som en "zip-bombe".`
        : `The file is compressed ${num(a.found, lang)} times (${a.entry ?? ''}), like a "zip bomb".`;
    case 'xml-too-deep':
      return da ? `Filens XML er indlejret dybere end ${a.limit} niveauer.` : `The file's XML nests deeper than ${a.limit} levels.`;
    case 'formulas':
      return da
        ? `Arkenes formler fylder over ${num(a.limit, lang)} tegn, når de delte formler er foldet ud.`
        : `The sheets' formulas hold more than ${num(a.limit, lang)} characters once shared formulas are expanded.`;
    case 'cells':
      return da ? `Projektmappen har over ${num(a.limit, lang)} celler.` : `The workbook has more than ${num(a.limit, lang)} cells.`;
    case 'memory':
      return da ? 'Filen brugte mere hukommelse, end der er afsat til én fil.' : 'The file used more memory than one file is allowed.';
    default:
      return da
        ? `Et ark har ${num(a.found, lang)} ${a.what === 'rows' ? 'rækker' : a.what === 'columns' ? 'kolonner' : 'celler'}, over grænsen på ${num(a.limit, lang)}.`
        : `A sheet has ${num(a.found, lang)} ${a.what}, over the limit of ${num(a.limit, lang)}.`;
  }
}

export const messages: MessageTable = {
  'input/unreadable': {
    title: { da: 'Filen kan ikke læses', en: 'The file cannot be read' },
    message: { da: (a) => WHAT_DA[String(a.what)] ?? WHAT_DA['not-a-spreadsheet'], en: (a) => WHAT_EN[String(a.what)] ?? WHAT_EN['not-a-spreadsheet'] },
    hint: {
      da: (a) => HINT_DA[String(a.what)] ?? 'Åbn filen i Excel eller LibreOffice og gem den som Excel-projektmappe (.xlsx).',
      en: (a) => HINT_EN[String(a.what)] ?? 'Open the file in Excel or LibreOffice and save it as an Excel workbook (.xlsx).',
    },
    why: {
      da: 'Kun en fil, der kan læses, kan tjekkes; de øvrige filer tjekkes stadig.',
      en: 'Only a readable file can be checked; the other files are still checked.',
    },
    source: 'budgettjek (indlæsning)',
  },
  'input/unsupported-format': {
    title: { da: 'Filformatet understøttes ikke', en: 'Unsupported file format' },
    message: { da: (a) => WHAT_DA[String(a.what)] ?? WHAT_DA['not-a-spreadsheet'], en: (a) => WHAT_EN[String(a.what)] ?? WHAT_EN['not-a-spreadsheet'] },
    hint: {
      da: (a) => HINT_DA[String(a.what)] ?? 'Gem filen som Excel-projektmappe (.xlsx) uden adgangskode.',
      en: (a) => HINT_EN[String(a.what)] ?? 'Save the file as an Excel workbook (.xlsx) without a password.',
    },
    why: {
      da: 'budgettjek læser .xlsx, .xlsm og .csv; andre formater skal gemmes som .xlsx først.',
      en: 'budgettjek reads .xlsx, .xlsm and .csv; other formats must be saved as .xlsx first.',
    },
    source: 'budgettjek (indlæsning)',
  },
  'input/too-large': {
    title: { da: 'Filen er for stor', en: 'The file is too large' },
    message: { da: (a) => tooLarge(a, 'da'), en: (a) => tooLarge(a, 'en') },
    hint: {
      da: 'Tjek, at det er den rigtige fil. Er den det, så hæv grænsen med --max-file-size <MB> eller --max-cells <antal>.',
      en: 'Check that it is the right file. If it is, raise the limit with --max-file-size <MB> or --max-cells <n>.',
    },
    why: {
      da: 'Grænserne beskytter mod filer, der ville bruge al maskinens hukommelse eller tid (fx zip-bomber).',
      en: "The limits protect against files that would exhaust the machine's memory or time (e.g. zip bombs).",
    },
    source: 'budgettjek (indlæsning)',
  },
};
