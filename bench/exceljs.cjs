// exceljs loading each file of a pile serially (a CSV is only decoded: exceljs's CSV reader needs a stream).
const ExcelJS = require('exceljs');
const fs = require('node:fs');
const path = require('node:path');
const files = process.argv.slice(2).flatMap((p) =>
  fs.statSync(p).isDirectory()
    ? fs
        .readdirSync(p)
        .sort()
        .map((f) => path.join(p, f))
    : [p],
);
(async () => {
  for (const f of files) {
    const b = fs.readFileSync(f);
    if (f.endsWith('.csv')) b.toString('utf8');
    else await new ExcelJS.Workbook().xlsx.load(b);
  }
})();
