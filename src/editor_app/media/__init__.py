"""Photos: validation and facts (probe), originals kept by content (library), renditions for
preview and export (renditions, cache, batch), temp files left behind (leftovers). See
docs/media.md. No Qt, no database.

The package itself imports nothing: each module is imported by name where it is used, so that
`leftovers` (the standard library only) is read at a data folder's open without loading the
image libraries the other modules need."""
