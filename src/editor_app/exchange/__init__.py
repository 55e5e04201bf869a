"""Hand-off packages between PCs (`.story.zip`): the file format, written and read with every
check a file from elsewhere deserves. No SQL and no Qt: `services.handoff` does the merging."""
