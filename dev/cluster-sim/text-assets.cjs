// The producer imports its node scripts (*.sh) as text; webpack, esbuild and a Jest transform embed them.
// Under plain Node (ts-node) this hook does the same, for the benchmarks that run src/producer. The
// simulator itself runs no plugin code and does not need it.
const Module = require('node:module');
const { readFileSync } = require('node:fs');

// Module._extensions is Node's loader table. Jest has its own module system, so Jest is unaffected.
const extensions = Module._extensions;
if (extensions && !extensions['.sh']) {
  extensions['.sh'] = (module, file) => {
    module.exports = { __esModule: true, default: readFileSync(file, 'utf8') };
  };
}
