// Jest transform for files that webpack bundles as text (`type: 'asset/source'`, e.g. *.sh):
// export the file contents as the default export, shaped for swc's CommonJS interop.
// Reads the file itself because Jest strips a leading "#!" line from the source it passes in.
const { readFileSync } = require('node:fs');

module.exports = {
  process(_sourceText, sourcePath) {
    const text = readFileSync(sourcePath, 'utf8');
    return { code: `module.exports = { __esModule: true, default: ${JSON.stringify(text)} };` };
  },
};
