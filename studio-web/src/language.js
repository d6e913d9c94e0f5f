// `.prog` highlighting: a small stream tokenizer over the keywords the server's grammar has.
import { StreamLanguage } from "@codemirror/language";

export function progLanguage(keywords) {
  const words = new Set(keywords);
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
      if (word) return words.has(word[0].toLowerCase()) ? "keyword" : "variableName";
      stream.next();
      return "punctuation";
    },
    languageData: { commentTokens: { line: "#" } },
  });
}
