"""The window's sync with the newsroom server: the runner and the status-bar indicator."""
