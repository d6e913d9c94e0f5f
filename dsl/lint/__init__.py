"""The linter: programs in; the diagnostics of spec §8 out (P0xx errors, the method's P1xx and
P2xx rules, plugins' rules), after settings and `# noqa`.

- `engine`: runs core and plugin rules through one path (`lint_path`, `lint_text`);
- `rules`: the core's rules, one small function per code;
- `config`: `[tool.prog]` settings; `noqa`: `# noqa` directives; `files`: which files;
- `formats`: JSON, GitHub workflow commands and SARIF.

Nothing here prints; `dsl.tooling` chooses what goes to the screen.
"""
