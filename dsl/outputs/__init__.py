"""Patient outputs: a program's steps in; plain words, the drive chart and handouts out.

`words` says each step in plain English, `chart` draws the drive per plane (SVG and
terminal blocks), `handout` makes the printable page; `fhir` and `csv_export` write the
prescription for a clinic's system and for spreadsheets (from `course`, the steps as the
exporters see them). Nothing here imports rich or click.
"""
