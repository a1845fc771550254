// The files a bench script reads: its arguments, each folder's files in name order (the same order for every tool).
const fs = require('node:fs');
const path = require('node:path');

/** @param {string[]} args files or folders */
function pileFiles(args) {
  return args.flatMap((p) =>
    fs.statSync(p).isDirectory()
      ? fs
          .readdirSync(p)
          .sort()
          .map((f) => path.join(p, f))
      : [p],
  );
}

module.exports = { pileFiles };
