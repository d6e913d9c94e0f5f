// `.prog` highlighting: a small stream tokenizer over the keywords and core words the server
// reads from the grammar and the vocabulary (the lists every prog highlighter uses).
import { StreamLanguage } from "@codemirror/language";

export function progLanguage(keywords, vocabulary) {
  const words = new Set(keywords);
  const known = new Set(vocabulary);
  return StreamLanguage.define({
    name: "prog",
    token(stream) {
      if (stream.eatSpace()) return null;
      if (stream.peek() === "#") {
        stream.skipToEnd();
        return "comment";
      }
      if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
      if (stream.match(/^(?:\d+x\d+|x\d+|\d+%?|\d+\s*(?:s|sec|min)\b)/i)) return "number";
      if (stream.match(/^[A-Za-z][\w-]*\.[\w.-]+/)) return "atom";
      const word = stream.match(/^[A-Za-z][\w-]*/);
      if (!word) {
        stream.next();
        return "punctuation";
      }
      const lower = word[0].toLowerCase();
      if (words.has(lower)) return "keyword";
      return known.has(lower) ? "atom" : "variableName";
    },
    languageData: { commentTokens: { line: "#" } },
  });
}
