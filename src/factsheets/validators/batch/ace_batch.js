// Every EPUB named on the command line checked by DAISY Ace in this one Node process, with
// one Chromium for all of them (ace-cli starts Node and a browser for each book).
// Arguments: pairs of <book.epub> <report folder>. After each book, a line "done <n>" on
// standard output. Run with NODE_PATH set to the node_modules that hold @daisy/ace-cli.
'use strict';

const ace = require('@daisy/ace-core');
const runner = require('@daisy/ace-axe-runner-puppeteer');
const logger = require('@daisy/ace-logger');

// Ace launches and closes its browser for each book: here the first launch stays open.
let launched = null;
const shared = Object.assign({}, runner, {
  launch: () => (launched = launched || runner.launch()),
  close: () => Promise.resolve(),
});

async function main(args) {
  logger.initLogger({ verbose: false, silent: true });
  for (let i = 0; i + 1 < args.length; i += 2) {
    try {
      await ace(args[i], { cwd: process.cwd(), outdir: args[i + 1], silent: true, jobId: String(i / 2) }, shared);
    } catch (error) {  // its report is missing, and the caller says so
      process.stderr.write(`Ace stopped on ${args[i]}: ${error && error.message ? error.message : error}\n`);
    }
    process.stdout.write(`done ${i / 2}\n`);
  }
  if (launched) {
    await launched;
    await runner.close();
  }
}

main(process.argv.slice(2)).then(() => process.exit(0), (error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
