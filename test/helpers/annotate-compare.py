# Compares an annotated copy with its original, cell by cell, as openpyxl reads both: which cells changed fill,
# and any other difference in value, formula or style (font, border, alignment, number format, protection).
# usage: annotate-compare.py original.xlsx copy.xlsx  → JSON on stdout
import json
import sys
import openpyxl

a = openpyxl.load_workbook(sys.argv[1])
b = openpyxl.load_workbook(sys.argv[2])
fill_changed, other, notes = [], [], {}

def style(c):
    return (repr(c.font), repr(c.border), repr(c.alignment), c.number_format, repr(c.protection))

for ws in a.worksheets:
    wc = b[ws.title]
    rows = max(ws.max_row, wc.max_row)
    cols = max(ws.max_column, wc.max_column)
    for r in range(1, rows + 1):
        for col in range(1, cols + 1):
            x, y = ws.cell(r, col), wc.cell(r, col)
            ref = f'{ws.title}!{x.coordinate}'
            if x.value != y.value:
                other.append([ref, 'value', repr(x.value), repr(y.value)])
            if style(x) != style(y):
                other.append([ref, 'style', repr(style(x)), repr(style(y))])
            if repr(x.fill) != repr(y.fill):
                fill_changed.append([ref, y.fill.fgColor.rgb])
            if y.comment is not None:
                notes[ref] = y.comment.text
extra = [n for n in b.sheetnames if n not in a.sheetnames]
listing = b[extra[0]] if extra else None
print(json.dumps({
    'fillChanged': fill_changed,
    'other': other,
    'notes': notes,
    'extraSheets': extra,
    'listing': [[c.value for c in row] for row in listing.iter_rows()] if listing else [],
    'links': [[c.coordinate, c.hyperlink.location] for row in listing.iter_rows() for c in row if c.hyperlink] if listing else [],
    'print': {ws.title: [ws.page_setup.orientation, ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None, ws.page_setup.fitToWidth] for ws in b.worksheets},
}))
