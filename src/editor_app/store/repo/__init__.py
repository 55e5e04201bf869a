"""The repository by aggregate: each module reads and writes one kind of record through a
SQLAlchemy Session the caller opens (services hold the transaction) and returns domain objects.
`articles` (stories, the story list and its filters), `photos` (a story's photo rows),
`officials` (the directory one official at a time) and `officials_bulk` (whole imports),
`sections`, `search` (the full-text index), `review` (revisions, comments, hand-off conflicts)
and `publication` (publication records, corrections, what readers may see). Importers keep their
old local names, e.g. `from editor_app.store.repo import articles as repo`."""
