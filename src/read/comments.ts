// Reads a worksheet's comments (notes) part, xl/commentsN.xml, which Excel, LibreOffice, openpyxl and XlsxWriter write
// for a note on a cell, and which Excel also writes for a threaded comment (its plain-text fallback, under a line that
// says so): the cell and the text, without the author's name Excel puts in front of a note.
import { parseA1 } from './address.js';
import type { RawComment } from './types.js';
import { decodeEntities, decodeOoxmlEscapes, pickAttrs, walk } from './xml.js';

const AUTHOR = 0;
const COMMENT = 1;
const T = 2;
const RPH = 3;
const TAGS = ['author', 'comment', 't', 'rPh'] as const;
const COMMENT_ATTRS = ['ref', 'authorId'] as const;

/** Excel's fallback text of a threaded comment, in the language of the Excel that wrote it: a first line in brackets
 * ("[Threaded comment]", "[Trådet kommentar]"), a paragraph on versions of Excel ending in its link (the same in every
 * language), then a label line ("Comment:", "Kommentar:", "Reply:", "Svar:") before each comment and reply, which are indented. */
const THREADED = /^\s*\[[^\]\n]{1,60}\][\s\S]*?fwlink\/\?linkid=870924[^\n]*\n/i;

/** The text a reader sees of a note: a threaded comment's own words (its replies after them), the author's "Name:" gone. */
export function commentText(raw: string, author: string | undefined): string {
  let t = raw.replace(/\r\n?/g, '\n');
  if (THREADED.test(t))
    t = t
      .replace(THREADED, '')
      .split('\n')
      .filter((line) => !/^\S[^:]{0,30}:\s*$/.test(line)) // the labels ("Comment:", "Svar:"), not indented as the texts are
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
  else if (author && t.startsWith(`${author}:`)) t = t.slice(author.length + 1);
  return t.trim();
}

/**
 * The comments of a comments part as (row, col, text), at most `max` of them; each costs `spend()` (the cell limit holds
 * for comments as for cells). `maxDepth` is the tokenizer's nesting limit.
 */
export function readComments(xml: Uint8Array, spend: () => void, maxDepth: number, max = 100_000): RawComment[] {
  const out: RawComment[] = [];
  if (!xml.length) return out;
  const text = new TextDecoder('utf-8').decode(xml);
  const authors: string[] = [];
  let inAuthor = false;
  let inComment = false;
  let inT = false;
  let phonetic = 0;
  let buf = '';
  let at: { row: number; col: number; author?: number } | undefined;
  const attrs: Array<string | undefined> = [];
  walk(
    text,
    TAGS,
    {
      open(name, x, s, e, selfClosing) {
        if (name === AUTHOR && !selfClosing) {
          inAuthor = true;
          buf = '';
        } else if (name === COMMENT) {
          spend();
          inComment = true;
          buf = '';
          pickAttrs(x, s, e, COMMENT_ATTRS, attrs);
          const a = attrs[0] ? parseA1(decodeEntities(attrs[0]).split(':')[0]) : undefined;
          at = a ? { row: a.row, col: a.col, author: attrs[1] === undefined ? undefined : Number(attrs[1]) } : undefined;
          if (selfClosing) inComment = false;
        } else if (name === RPH) phonetic++;
        else if (name === T && (inComment || inAuthor) && phonetic === 0 && !selfClosing) inT = true;
        else if (name === AUTHOR && selfClosing) authors.push('');
      },
      close(name) {
        if (name === T) inT = false;
        else if (name === RPH) phonetic = Math.max(0, phonetic - 1);
        else if (name === AUTHOR && inAuthor) {
          inAuthor = false;
          authors.push(buf.trim());
        } else if (name === COMMENT && inComment) {
          inComment = false;
          if (at && out.length < max) {
            const t = commentText(decodeOoxmlEscapes(buf), at.author === undefined ? undefined : authors[at.author]);
            if (t) out.push({ row: at.row, col: at.col, text: t });
          }
          at = undefined;
        }
      },
      text(v) {
        if (inAuthor) buf += v;
        else if (inT) buf += v;
      },
      capturing: () => inAuthor || inT,
    },
    maxDepth,
  );
  return out;
}
