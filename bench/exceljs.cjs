// exceljs loading each file of a pile serially (a CSV is only decoded: exceljs's CSV reader needs a stream).
const ExcelJS = require('exceljs');
const fs = require('node:fs');
const { pileFiles } = require('./files.cjs');
const files = pileFiles(process.argv.slice(2));
(async () => {
  for (const f of files) {
    const b = fs.readFileSync(f);
    if (f.endsWith('.csv')) b.toString('utf8');
    else await new ExcelJS.Workbook().xlsx.load(b);
  }
})();
