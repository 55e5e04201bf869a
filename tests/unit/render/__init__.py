"""Tests of editor_app.render."""
