"""Patient outputs: a program's steps in; plain words, the drive chart and handouts out.

`words` says each step in plain English, `chart` draws the drive per plane (SVG and
terminal blocks), `home` is the one definition of the exercises a patient does (the
handout's, the exports'), `session` the one replay of a session log, `handout` makes the
printable page; `fhir` and `csv_export` write the prescription for a clinic's system and for
spreadsheets (from `course`: the steps, their exercises and the program's identity).
Nothing here imports rich or click.
"""
