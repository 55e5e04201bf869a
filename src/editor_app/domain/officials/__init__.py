"""The officials a newsroom names with their exact titles: the records (people), the
directory's CSV (csv_io), their names found in a text (detect, extract, text) and the titles
written with them checked against the directory (titles)."""
