"""The story list beside the editor: the model (rows, status labels), the filters above it
(section, status, official, keyword) and the search running off the UI thread."""
