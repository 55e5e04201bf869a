"""The officials directory dialog, the tag panel beside the story, and the story-list filters
by official and keyword (issue 5)."""
