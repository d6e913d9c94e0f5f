"""prog: a language for the way rehab clinicians progress an exercise.

Kept empty of imports on purpose: `prog --version` and a pre-commit hook's start-up pay only
for what they use. The stages live in their own modules (`dsl.api` is the façade).
"""

__version__ = "0.1.0"
