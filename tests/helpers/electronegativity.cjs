// Runs Doyensec's electronegativity (a devDependency) as its own command line does, with two changes:
// - It needs the TypeScript 4 compiler API for its parser. npm hoists that parser beside the project's own
//   TypeScript 7, which has no JavaScript API, so `require('typescript')` gets the copy the tool brought.
// - No network at test time: the tool asks the internet for translations of its messages (and, in a check
//   the tests leave out, for Electron's release notes). Its HTTP client fails at once instead.
const Module = require('node:module');
const { dirname, join } = require('node:path');

const toolRoot = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const itsTypescript = require.resolve('typescript', { paths: [toolRoot] });
const offline = () => Promise.reject(new Error('No network while the tests run.'));
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') return offline;
  return load.call(this, request === 'typescript' ? itsTypescript : request, ...rest);
};
require(join(toolRoot, 'dist', 'index.js'));
