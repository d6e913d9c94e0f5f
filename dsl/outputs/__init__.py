"""Patient and clinic outputs: plain words, the drive chart, the handout, FHIR and CSV exports."""
