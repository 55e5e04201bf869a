"""The editorial workflow in the window: who am I, statuses, review comments beside the text,
history with word diffs and restore, sending and receiving stories, conflicts to settle."""
