"""Tests of editor_app.publish."""
