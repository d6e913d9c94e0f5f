// Every program in the repository's examples/ through the TextMate grammar: no word left
// without a scope, nothing marked invalid, and every statement's first word a keyword.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { test } = require("node:test");
const { loadGrammar, tokenize } = require("./tokenize");

const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");
const GRAMMAR = require("../syntaxes/prog.tmLanguage.json");
const KEYWORDS = new Set(
  Object.keys(GRAMMAR.repository)
    .filter((name) => name.startsWith("statement-"))
    .map((name) => name.slice("statement-".length))
);

function programs(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return programs(full);
    return entry.name.endsWith(".prog") ? [full] : [];
  });
}

const files = programs(EXAMPLES);
const grammar = loadGrammar();

test("there are examples to check", () => {
  assert.ok(files.length >= 7, `only ${files.length} examples in ${EXAMPLES}`);
});

for (const file of files) {
  test(path.relative(EXAMPLES, file), async () => {
    const tokens = tokenize(await grammar, fs.readFileSync(file, "utf8"));
    let statementStart = true;
    let line = 0;
    for (const [number, start, , text, scopes] of tokens) {
      const where = `${path.basename(file)}:${number}:${start + 1} \`${text}\``;
      if (number !== line) {
        line = number;
        statementStart = true;
      }
      if (!text.trim()) continue;
      assert.ok(scopes.length > 1, `${where} has no scope`);
      assert.ok(!scopes.some((s) => s.startsWith("invalid")), `${where}: ${scopes.join(" ")}`);
      const inComment = scopes.some((s) => s.startsWith("comment"));
      if (statementStart && !inComment) {
        assert.ok(KEYWORDS.has(text.toLowerCase()), `${where} begins a statement`);
        assert.ok(scopes.includes("keyword.control.statement.prog"), `${where}: ${scopes.join(" ")}`);
      }
      statementStart = /^[;:]$/.test(text.trim());
    }
  });
}
