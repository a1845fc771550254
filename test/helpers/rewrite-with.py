# Rewrites a workbook with another writer, keeping values and formulas, so a test has the same budget as XlsxWriter
# or openpyxl write it: every number shares one money format and the header row one bold font (as real forms do).
# usage: rewrite-with.py xlsxwriter|openpyxl in.xlsx out.xlsx
import sys
import openpyxl

writer, src, dst = sys.argv[1:4]
wb = openpyxl.load_workbook(src)
if writer == 'xlsxwriter':
    import xlsxwriter
    out = xlsxwriter.Workbook(dst)
    money = out.add_format({'num_format': '#,##0.00', 'font_name': 'Arial'})
    bold = out.add_format({'bold': True, 'bg_color': '#DDDDDD'})
    for ws in wb.worksheets:
        o = out.add_worksheet(ws.title)
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None:
                    continue
                fmt = bold if c.row == 1 else money if isinstance(v, (int, float)) or (isinstance(v, str) and v.startswith('=')) else None
                if isinstance(v, str) and v.startswith('='):
                    o.write_formula(c.row - 1, c.column - 1, v, fmt)
                else:
                    o.write(c.row - 1, c.column - 1, v, fmt)
    out.close()
else:
    from openpyxl.styles import Font, PatternFill
    bold = Font(bold=True)
    grey = PatternFill('solid', fgColor='FFDDDDDD')
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                if c.row == 1:
                    c.font = bold
                    c.fill = grey
                elif isinstance(c.value, (int, float)) or (isinstance(c.value, str) and c.value.startswith('=')):
                    c.number_format = '#,##0.00'
    wb.save(dst)
