// Typeset math blocks with KaTeX (as Jupyter Book 2 / mystmd does) and MathJax 3 (as Jupyter Book 1
// does) and report every error as JSON, so the Python tests can fail with the exact block and message.
//
// Input (stdin): JSON array of {"id": string, "tex": string, "display": boolean}.
// Output (stdout): JSON object {"katex": "<version>", "mathjax": "<version>",
//                               "errors": [{"id", "engine", "message"}]}.
// Exit code: 0 when the input could be processed (errors or not), 2 when it could not.
//
// MathJax is set up as in the browser minus the `noundefined` package: in a page an unknown macro is
// shown in red rather than raised, which is exactly the mistake these tests must catch.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import mathjaxPkg from 'mathjax-full/js/mathjax.js';
import texPkg from 'mathjax-full/js/input/tex.js';
import adaptorPkg from 'mathjax-full/js/adaptors/liteAdaptor.js';
import htmlPkg from 'mathjax-full/js/handlers/html.js';
import allPkg from 'mathjax-full/js/input/tex/AllPackages.js';
import statePkg from 'mathjax-full/js/core/MathItem.js';

const { mathjax } = mathjaxPkg;
const { TeX } = texPkg;
const { liteAdaptor } = adaptorPkg;
const { RegisterHTMLHandler } = htmlPkg;
const { AllPackages } = allPkg;
const { STATE } = statePkg;

function main() {
  let blocks;
  try {
    blocks = JSON.parse(readFileSync(0, 'utf8'));
    if (!Array.isArray(blocks)) throw new Error('input must be a JSON array');
  } catch (err) {
    process.stderr.write(`typeset.mjs: bad input: ${err.message}\n`);
    return 2;
  }

  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  // autoload is replaced by loading everything up front; bussproofs needs an output jax (unused here).
  const skip = new Set(['noundefined', 'autoload', 'bussproofs']);
  const packages = AllPackages.filter((name) => !skip.has(name));
  const tex = new TeX({
    packages,
    // Raise instead of drawing a red error box, so the message reaches the test.
    formatError: (_jax, err) => { throw err; },
  });
  const doc = mathjax.document('', { InputJax: tex });

  const errors = [];
  for (const block of blocks) {
    const display = Boolean(block.display);
    try {
      katex.renderToString(block.tex, {
        displayMode: display,
        throwOnError: true,
        strict: 'error',
        macros: {},
      });
    } catch (err) {
      errors.push({ id: block.id, engine: 'katex', message: String(err.message || err) });
    }
    try {
      doc.convert(block.tex, { display, end: STATE.COMPILED });
    } catch (err) {
      errors.push({ id: block.id, engine: 'mathjax', message: String(err.message || err) });
    }
  }
  process.stdout.write(JSON.stringify({ katex: katex.version, mathjax: mathjax.version, errors }) + '\n');
  return 0;
}

process.exitCode = main();
