// SheetJS (npm xlsx) loading each file of a pile serially, as a reference for budgettjek's own reader.
const XLSX = require('xlsx');
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
for (const f of files) XLSX.read(fs.readFileSync(f), { type: 'buffer' });
