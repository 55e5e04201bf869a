"""Who is working on this data folder: a name and a role, kept in `identity.json`.

The GUI asks at first start (and in settings); the CLI reads the same file, so both agree on
one folder. `EDITOR_APP_USER="Name:role"` overrides it (scripts, a shared PC).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from editor_app.domain.errors import UserError, ValidationError
from editor_app.domain.workflow import Role, User, parse_role

log = logging.getLogger(__name__)

IDENTITY_FILENAME = "identity.json"
USER_ENV = "EDITOR_APP_USER"

HOW_TO_SET = (
    'Chưa đặt người dùng: chạy editor-app whoami --name "Họ Tên" --role reporter|editor '
    f'(hoặc đặt biến môi trường {USER_ENV}="Họ Tên:reporter").'
)


class NoIdentity(UserError):
    """Nobody is set on this data folder (nor in the environment)."""

    def __init__(self) -> None:
        super().__init__(HOW_TO_SET)


def parse_user(text: str) -> User:
    """`"Name:role"` (the environment variable's form) as a `User`."""
    name, sep, role = text.rpartition(":")
    if not sep:
        raise ValidationError(
            f"{USER_ENV} phải có dạng “Họ Tên:reporter” hoặc “Họ Tên:editor”, không phải “{text}”."
        )
    return User(name, parse_role(role))


class IdentityService:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / IDENTITY_FILENAME

    def get(self) -> User | None:
        """The user set on this data folder, or None (also when the file is unreadable)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return User(str(data["name"]), Role(data["role"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, ValidationError) as e:
            log.warning("ignoring unreadable %s: %s", self.path, e)
            return None

    def set(self, user: User) -> None:
        """Saves the user for this data folder (atomically: a crash leaves the old file)."""
        user = User(user.name, user.role)  # checked again
        data = json.dumps({"name": user.name, "role": user.role.value}, ensure_ascii=False)
        tmp: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".identity-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(data + "\n")
            os.replace(tmp, self.path)
        except OSError as e:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            from editor_app.store.errors import os_error  # SQLAlchemy's errors: not at start-up

            known = os_error(e, self.path.parent)  # full, read-only, no access: named as such
            if known is not None:
                raise known from e
            raise UserError(f"Không lưu được người dùng vào {self.path}.") from e

    def current(self, environ: Mapping[str, str] | None = None) -> User | None:
        """`EDITOR_APP_USER` when set, else the data folder's user, else None."""
        env = (os.environ if environ is None else environ).get(USER_ENV, "").strip()
        if env:
            return parse_user(env)
        return self.get()

    def require(self, environ: Mapping[str, str] | None = None) -> User:
        """Like `current`, but says how to set a user when there is none."""
        user = self.current(environ)
        if user is None:
            raise NoIdentity()
        return user
