# Inserts a row into a sheet as Excel does it, then fills it: openpyxl's insert_rows moves the cells, and every
# formula in the workbook is adjusted by Excel's rule — a reference to a row at or below the insertion moves down
# one, so a range that spans the insertion point grows by the new row, while a list of single cells does not.
# usage: insert-row.py in.xlsx out.xlsx sheet row '{"A": "text", "E": 100, "AK": "=SUM(E{r}:AJ{r})"}'
import json
import re
import sys
import openpyxl

src, dst, sheet, at, cells = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
wb = openpyxl.load_workbook(src)
REF = re.compile(r"(?<![A-Za-z_\d.$])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?(?![\w(!])")

def shift(formula, own):
    def one(m):
        prefix = m.group(1)
        target = own if not prefix else prefix[:-1].strip("'").replace("''", "'")
        if target != sheet:
            return m.group(0)
        r1 = int(m.group(3))
        out = f"{prefix or ''}{m.group(2)}{r1 + 1 if r1 >= at else r1}"
        if m.group(4):
            r2 = int(m.group(5))
            out += f":{m.group(4)}{r2 + 1 if r2 >= at else r2}"
        return out
    return REF.sub(one, formula)

wb[sheet].insert_rows(at)
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith('='):
                c.value = shift(c.value, ws.title)
ws = wb[sheet]
for col, v in cells.items():
    ws[f"{col}{at}"] = v.replace('{r}', str(at)) if isinstance(v, str) else v
wb.save(dst)
