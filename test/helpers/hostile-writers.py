# The Python-written inputs of the bad-input pass (test/hostile-writers.test.ts), from a clean budget: workbooks as
# openpyxl and XlsxWriter write them (protection, chart sheets, images, external links, array formulas, rich text,
# thousands of styles, very long strings), the same budget re-zipped as Python's zipfile writes archives (data
# descriptors, ZIP64, no compression, bzip2) or hand-edited (a sheet cut off, a cell past the grid, a lying dimension),
# an encrypted workbook's compound file, and CSV in the encodings Excel saves. Each file's name says what it is; the
# test says what the tool must make of it.
#
#   python3 hostile-writers.py CLEAN.xlsx OUTDIR
import io
import os
import re
import struct
import sys
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.protection import WorkbookProtection

clean, out = sys.argv[1], sys.argv[2]
src = zipfile.ZipFile(clean)
parts = {n: src.read(n) for n in src.namelist()}


def path(name):
    return os.path.join(out, name)


def rezip(name, ps, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path(name), 'w', compression) as z:
        for n, d in ps.items():
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), d, compress_type=compression)


def sheet_part():
    """The budget sheet's part: the largest worksheet."""
    sheets = [n for n in parts if re.match(r'xl/worksheets/[^/]+\.xml$', n)]
    return max(sheets, key=lambda n: len(parts[n]))


def edit_sheet(name, fn):
    ps = dict(parts)
    part = sheet_part()
    ps[part] = fn(parts[part].decode('utf-8')).encode('utf-8')
    rezip(name, ps)


def add_row(xml, row):
    return xml.replace('</sheetData>', row + '</sheetData>', 1)


# ---- openpyxl ---------------------------------------------------------------------------------------------------------

# sheet protection and a locked workbook structure, both with a password: protection, not encryption — still read
wb = openpyxl.load_workbook(clean)
for ws in wb.worksheets:
    ws.protection.sheet = True
    ws.protection.password = 'hemmelig'
wb.security = WorkbookProtection(workbookPassword='hemmelig', lockStructure=True)
wb.save(path('openpyxl-protected.xlsx'))

# a chart, an image-free drawing and 1.200 distinct styles on empty cells far from the table: still the clean budget
wb = openpyxl.load_workbook(clean)
ws = wb.worksheets[-1]
for i in range(1200):
    c = ws.cell(row=400 + i, column=40)
    c.font = Font(size=8 + (i % 40) / 4, color='%06X' % (i * 1234 % 0xFFFFFF))
    c.fill = PatternFill('solid', fgColor='%06X' % (i * 4321 % 0xFFFFFF))
chart = BarChart()
chart.add_data(Reference(ws, min_col=3, min_row=5, max_row=10))
ws.add_chart(chart, 'AP2')
wb.save(path('openpyxl-styles-chart.xlsx'))

# no sheet holds anything
openpyxl.Workbook().save(path('openpyxl-empty.xlsx'))

# only a chart sheet (its data sheet hidden): no budget table, and no crash
wb = openpyxl.Workbook()
data = wb.active
data.title = 'Data'
data.append(['Post', 'Beløb'])
data.append(['Løn', 1000])
data.sheet_state = 'hidden'
cs = wb.create_chartsheet('Diagram')
chart = BarChart()
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=2))
cs.add_chart(chart)
wb.save(path('openpyxl-chartsheet-only.xlsx'))

# cells of Excel's longest text (32.767 characters), as shared strings
wb = openpyxl.Workbook()
ws = wb.active
ws['A1'] = 'x' * 32767
ws['A2'] = 'æøå' * 10000
wb.save(path('openpyxl-long-strings.xlsx'))


# ---- XlsxWriter -------------------------------------------------------------------------------------------------------

def xlsxwriter_book(name, fill, **options):
    wb = xlsxwriter.Workbook(path(name), options)
    fill(wb)
    wb.close()


def protected(wb):
    ws = wb.add_worksheet('Budget')
    ws.write_row(0, 0, ['Budgetpost', 'I alt'])
    ws.write_row(1, 0, ['Revision', 10000])
    ws.protect('hemmelig')
    wb.read_only_recommended()


def features(wb):
    ws = wb.add_worksheet('Ark')
    ws.write_array_formula('A1:A3', '{=ROW(B1:B3)}')
    ws.write_dynamic_array_formula('C1:C3', '=SEQUENCE(3)')
    ws.write_rich_string('D1', 'almindelig ', wb.add_format({'bold': True}), 'fed', ' tekst')
    ws.write_url('A10', 'external:andet.xlsx#Ark1!A1')
    ws.write_formula('A11', "='[andet.xlsx]Ark1'!A1", None, 5)
    ws.insert_image('F2', 'logo.png', {'image_data': io.BytesIO(PNG)})


def many_styles(wb):
    ws = wb.add_worksheet('Ark')
    for i in range(3000):
        ws.write(i, 0, i, wb.add_format({'num_format': '#,##0.%s"kr%d"' % ('0' * (i % 10), i), 'bg_color': '#%06X' % (i * 977 % 0xFFFFFF)}))


def macro(wb):
    ws = wb.add_worksheet('Budget')
    ws.write_row(0, 0, ['Budgetpost', 'I alt'])
    wb.add_vba_project(io.BytesIO(VBA), is_stream=True)


def png(w, h):
    import zlib
    raw = b''.join(b'\x00' + b'\xff\x00\x00' * w for _ in range(h))

    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xFFFFFFFF)

    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')


PNG = png(4, 4)
# a vbaProject.bin is a compound file; its content is never run or read by the tool
VBA = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)

xlsxwriter_book('xlsxwriter-protected.xlsx', protected)
xlsxwriter_book('xlsxwriter-features.xlsx', features)
xlsxwriter_book('xlsxwriter-many-styles.xlsx', many_styles)
xlsxwriter_book('xlsxwriter-macro.xlsm', macro)


# ---- the clean budget in other zips -----------------------------------------------------------------------------------

class Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in: it writes each entry's sizes in a data descriptor after the data."""

    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.data += b
        return len(b)


stream = Unseekable()
with zipfile.ZipFile(stream, 'w', zipfile.ZIP_DEFLATED) as z:
    for n, d in parts.items():
        with z.open(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), 'w') as f:
            f.write(d)
open(path('zip-data-descriptors.xlsx'), 'wb').write(bytes(stream.data))

with zipfile.ZipFile(path('zip64.xlsx'), 'w', zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    for n, d in parts.items():
        with z.open(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), 'w', force_zip64=True) as f:
            f.write(d)

rezip('zip-stored.xlsx', parts, zipfile.ZIP_STORED)
rezip('zip-bzip2.xlsx', parts, zipfile.ZIP_BZIP2)

with zipfile.ZipFile(path('zip-comment.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for n, d in parts.items():
        z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), d, compress_type=zipfile.ZIP_DEFLATED)
    z.comment = b'c' * 65535

# a zip bomb: the budget sheet padded with 400 MB of blanks (deflate packs them a thousandfold)
with zipfile.ZipFile(path('zip-bomb.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for n, d in parts.items():
        if n == sheet_part():
            d = d + b' ' * (400 * 1024 * 1024)
        z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), d, compress_type=zipfile.ZIP_DEFLATED)

# truncated at several points of the file, as a half download leaves it
whole = open(clean, 'rb').read()
for pct in (10, 50, 90, 99):
    open(path('truncated-%d.xlsx' % pct), 'wb').write(whole[: len(whole) * pct // 100])
open(path('truncated-last-byte.xlsx'), 'wb').write(whole[:-1])
open(path('truncated-4-bytes.xlsx'), 'wb').write(whole[:4])


# ---- hand-edited parts ------------------------------------------------------------------------------------------------

# a sheet part that ends halfway (its zip entry whole): never read as far as it goes
edit_sheet('part-cut-off.xlsx', lambda s: s[: len(s) // 2])
# the near miss: the same sheet with a comment and a processing instruction after its root element
edit_sheet('part-whole-with-trailer.xlsx', lambda s: s + '<!-- gemt -->')
ps = dict(parts)
ps['xl/styles.xml'] = b'garbage, not XML'
rezip('part-not-xml.xlsx', ps)
# a worksheet the workbook lists, its part left out of the zip
ps = dict(parts)
del ps[sheet_part()]
rezip('part-missing.xlsx', ps)

# a cell past Excel's grid (XFE, row 1.048.577): no spreadsheet program writes one
edit_sheet('past-grid-row.xlsx', lambda s: add_row(s, '<row r="1048577"><c r="A1048577"><v>5</v></c></row>'))
edit_sheet('past-grid-column.xlsx', lambda s: add_row(s, '<row r="900"><c r="XFE900"><v>5</v></c></row>'))
# the near miss: a stray value in Excel's very last cell is read
edit_sheet('at-grid-end.xlsx', lambda s: add_row(s, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>note</t></is></c></row>'))
# a dimension that claims the whole grid, and one that claims a single cell: both ignored
edit_sheet('dimension-whole-grid.xlsx', lambda s: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', s))
edit_sheet('dimension-one-cell.xlsx', lambda s: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1"/>', s))
# a shared formula whose range claims the whole grid, and an array formula
edit_sheet('shared-formula-whole-grid.xlsx', lambda s: add_row(s, '<row r="700"><c r="AA700"><f t="shared" ref="AA700:XFD1048576" si="77">AB1*0</f><v>0</v></c><c r="AB700"><f t="shared" si="77"/><v>0</v></c></row>'))
edit_sheet('array-formula.xlsx', lambda s: add_row(s, '<row r="700"><c r="AA700"><f t="array" ref="AA700:AA710">ROW(AB1:AB11)*0</f><v>0</v></c></row>'))

# rich text in a shared string
ps = dict(parts)
ps['xl/sharedStrings.xml'] = parts['xl/sharedStrings.xml'].replace(b'<si>', b'<si><r><rPr><b/></rPr><t>F</t></r><r><t xml:space="preserve">ed </t></r>', 1)
rezip('rich-shared-string.xlsx', ps)

# an external link and a pivot cache, declared in the workbook
ps = dict(parts)
ps['xl/externalLinks/externalLink1.xml'] = (
    b'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Ark1"/>'
    b'</sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>'
)
ps['xl/externalLinks/_rels/externalLink1.xml.rels'] = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/budgetter/andet.xlsx" TargetMode="External"/></Relationships>'
)
ps['xl/pivotCache/pivotCacheDefinition1.xml'] = (
    b'<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" recordCount="0">'
    b'<cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Budget"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>'
)
wbx = parts['xl/workbook.xml'].decode()
wbx = wbx.replace('</workbook>', '<externalReferences><externalReference r:id="rIdX1"/></externalReferences><pivotCaches><pivotCache cacheId="1" r:id="rIdX2"/></pivotCaches></workbook>')
rels = parts['xl/_rels/workbook.xml.rels'].decode().replace(
    '</Relationships>',
    '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>'
    '<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>',
)
ps['xl/workbook.xml'] = wbx.encode()
ps['xl/_rels/workbook.xml.rels'] = rels.encode()
rezip('external-link-pivot-cache.xlsx', ps)


# ---- an encrypted workbook: an OLE compound file (CFB) holding EncryptionInfo and EncryptedPackage ---------------------

def compound_file(streams):
    """A version-3 compound file (512-byte sectors) of streams of 4.096 bytes or more (no mini stream)."""
    SECT, END, FREE, FATSECT, NOSTREAM = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [FATSECT, END]  # sector 0: the FAT, sector 1: the directory
    data = b''
    starts = []
    for _, body in streams:
        n = -(-len(body) // SECT)
        first = len(fat)
        starts.append(first)
        fat += [first + k + 1 for k in range(n - 1)] + [END]
        data += body + bytes(n * SECT - len(body))
    fat += [FREE] * (128 - len(fat))

    def entry(name, kind, child, right, start, size):
        n = (name + '\0').encode('utf-16le')
        return (n + bytes(64 - len(n)) + struct.pack('<HBBIII', len(n), kind, 1, NOSTREAM, right, child)
                + bytes(16 + 4 + 8 + 8) + struct.pack('<IQ', start, size))

    directory = entry('Root Entry', 5, 1, NOSTREAM, END, 0)
    for i, (name, body) in enumerate(streams):
        directory += entry(name, 2, NOSTREAM, i + 2 if i + 1 < len(streams) else NOSTREAM, starts[i], len(body))
    directory += bytes(SECT - len(directory))
    header = (bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(16) + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack('<IIIIIIIII', 0, 1, 1, 0, 4096, END, 0, END, 0) + struct.pack('<I', 0) + struct.pack('<I', FREE) * 108)
    return header + struct.pack('<128I', *fat) + directory + data


info = struct.pack('<HHI', 4, 4, 0x40) + (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
    'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
).encode()
package = struct.pack('<Q', len(whole)) + bytes(((len(whole) + 15) // 16) * 16)
open(path('encrypted.xlsx'), 'wb').write(compound_file([('EncryptionInfo', info + b' ' * (4096 - len(info))), ('EncryptedPackage', package)]))


# ---- CSV as Excel and other programs save it ----------------------------------------------------------------------------

rows = [['Budgetpost', 'januar 2020', 'februar 2020', 'I alt'], ['Løn til koordinatør', '1000', '2000', '3000'], ['Kørsel – bil', '500', '500', '1000']]
tab = '\r\n'.join('\t'.join(r) for r in rows) + '\r\n'
semi = '\r\n'.join(';'.join(r) for r in rows) + '\r\n'
open(path('csv-utf16le-bom.csv'), 'wb').write(b'\xff\xfe' + tab.encode('utf-16le'))  # Excel's "Unicode text"
open(path('csv-utf16le-no-bom.csv'), 'wb').write(tab.encode('utf-16le'))
open(path('csv-utf16be-bom.csv'), 'wb').write(b'\xfe\xff' + tab.encode('utf-16be'))
open(path('csv-windows-1252.csv'), 'wb').write(semi.encode('cp1252'))  # Danish Excel's "CSV (semikolonsepareret)"
open(path('csv-utf8.csv'), 'wb').write(semi.encode('utf-8'))
open(path('csv-nul-byte.csv'), 'wb').write(semi.encode('utf-8').replace(b'2000', b'20\x0000', 1))
open(path('zeros.xlsx'), 'wb').write(bytes(20000))
