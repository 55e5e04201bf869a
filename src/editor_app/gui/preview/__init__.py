"""The live preview dock: the story as the published page will show it, and its export."""
