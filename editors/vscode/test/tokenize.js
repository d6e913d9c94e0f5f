// Text in; the TextMate grammar's tokens out, the way VS Code computes them (vscode-textmate
// on the Oniguruma engine VS Code ships). Used by the tests here, and as a command by the
// Python tests, which compare these scopes with the Pygments lexer's tokens:
//   node test/tokenize.js FILE…   prints {"FILE": [[line, start, end, text, [scopes…]], …]}
"use strict";

const fs = require("fs");
const path = require("path");
const oniguruma = require("vscode-oniguruma");
const textmate = require("vscode-textmate");

const GRAMMAR = path.join(__dirname, "..", "syntaxes", "prog.tmLanguage.json");

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.prog"
        ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, "utf8"), GRAMMAR)
        : null,
  });
  return registry.loadGrammar("source.prog");
}

/** Every token of the text: [line (from 1), start, end, text, scopes]. */
function tokenize(grammar, text) {
  const tokens = [];
  let state = textmate.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, line.length);
      if (end > token.startIndex) {
        tokens.push([index + 1, token.startIndex, end, line.slice(token.startIndex, end), token.scopes]);
      }
    }
    state = result.ruleStack;
  });
  return tokens;
}

module.exports = { loadGrammar, tokenize };

if (require.main === module) {
  loadGrammar().then((grammar) => {
    const out = {};
    for (const file of process.argv.slice(2)) {
      out[file] = tokenize(grammar, fs.readFileSync(file, "utf8"));
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  });
}
