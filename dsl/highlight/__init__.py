"""Colours for `.prog` text: the word lists every highlighter shares (`words`), the Pygments
lexer (`pygments_lexer`) and the TextMate grammar for editors (`textmate`).

The lists come from the grammar and the core vocabulary in one place, so the terminal, the
documentation and the editors colour the same words the same way.
"""
