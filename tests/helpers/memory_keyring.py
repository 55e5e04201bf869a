"""A keyring that lives in memory only, for the tests: never the user's real keyring (the OS's
secret store), never a file. `use_memory_keyring()` installs a fresh one and gives it back."""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


def use_memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def no_keyring() -> None:
    """The keyring of a PC that has none (what the tests leave behind)."""
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
