"""Errors a user can cause: each carries a message fit to show (Vietnamese first)."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can understand and fix; shown in a dialog, status line or on stderr."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(UserError):
    """An article, photo, official or section that does not exist (or no longer)."""


class ValidationError(UserError):
    """Input that breaks a rule of the domain (an empty name, a bad date, a bad section path)."""
