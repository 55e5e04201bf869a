"""The body editor: Markdown editing, spell checking as you type, find and replace."""
