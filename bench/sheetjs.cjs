// SheetJS (npm xlsx) loading each file of a pile serially, as a reference for budgettjek's own reader.
const XLSX = require('xlsx');
const fs = require('node:fs');
const { pileFiles } = require('./files.cjs');
const files = pileFiles(process.argv.slice(2));
for (const f of files) XLSX.read(fs.readFileSync(f), { type: 'buffer' });
