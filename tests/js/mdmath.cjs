// Reads Markdown the way VitePress does (markdown-it + markdown-it-mathjax3, as `markdown: {math: true}` sets
// them up) and prints, per input document, the TeX of every formula its parser takes as math, in order: an
// oracle for derive's reading of `$` and `$$` in Markdown (tests/test_vitepress_oracle_slow.py).
// stdin: a JSON list of documents; stdout: a JSON list of lists of formulas.
const md = require("markdown-it")().use(require("markdown-it-mathjax3"));

function formulas(tokens, out) {
  for (const t of tokens) {
    if (t.type === "math_inline" || t.type === "math_block") out.push(t.content);
    if (t.children) formulas(t.children, out);
  }
  return out;
}

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const docs = JSON.parse(input);
  process.stdout.write(JSON.stringify(docs.map((doc) => formulas(md.parse(doc, {}), []))));
});
