"""The site configuration IT sets for every PC of the newsroom, as plain data.

Effective configuration = built-in defaults ← the site file (TOML) ← the user's own settings, for
the keys the site's policy lets users change. Every value carries where it came from (`Origin`),
so `editor-app check` can say "site: /etc/editor_app/site.toml:12".

Pure: `domain/site_parse.py` reads TOML *text* and validates it; finding and reading the file,
and the files it names, is `services/siteconfig.py`. Messages are Vietnamese, fit for IT.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from editor_app.domain.section import SEPARATOR
from editor_app.domain.text import nfc
from editor_app.domain.tone_marks import ToneStyle

T = TypeVar("T")

OriginKind = Literal["default", "site", "user"]
#: The built-in outlet (the same as `render.context.SiteSettings()`, which a test checks): the
#: sample data's name, and an address that is clearly no one's (`.invalid` is reserved, RFC 2606)
#: so that a PC without a site file never publishes under a real outlet's domain. A real
#: newsroom sets both in the site file; until then the checklist says the site is not configured.
DEFAULT_NAME = "Báo Lào Cai"
DEFAULT_BASE_URL = "https://example.invalid"
DEFAULT_LOCALE = "vi_VN"
LANGUAGES = ("vi", "en")
#: What the policy may let users change → the key it overrides.
USER_KEYS: dict[str, str] = {"language": "ui.language", "export_folder": "export.folder"}
#: libpq's TLS modes, weakest first. `prefer` (libpq's own default: TLS when the server offers
#: it, unchecked) keeps a newsroom without certificates working; a server with TLS set up should
#: give its CA in `sslrootcert` and `sslmode = "verify-full"` (docs/server.md).
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_SSLMODE = "prefer"


@dataclass(frozen=True, slots=True)
class LengthLimits:
    """The outlet's headline and sapo length limits for the checklist, in characters (NFC,
    spaces included, ends trimmed: as the editor's counters count). Set in the site file's
    `[checklist]`; the defaults suit a Vietnamese news site (the editor's hints, 60–100 and
    150–300, are the aim; these are the bounds past which a story is not published as it is)."""

    headline_min: int = 20
    headline_max: int = 120
    sapo_min: int = 80
    sapo_max: int = 400


DEFAULT_LIMITS = LengthLimits()


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value came from: a built-in default, a line of the site file, the user."""

    kind: OriginKind
    path: str | None = None
    line: int | None = None

    def label(self) -> str:
        if self.kind == "default":
            return "mặc định"
        if self.kind == "user":
            return "người dùng"
        where = self.path or "?"
        return f"site: {where}:{self.line}" if self.line else f"site: {where}"


DEFAULT = Origin("default")
USER = Origin("user")


@dataclass(frozen=True, slots=True)
class Value(Generic[T]):
    value: T
    origin: Origin = DEFAULT


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the site file. `fatal`: the file is not used (defaults are);
    otherwise a warning (an unknown key, left out)."""

    message: str
    path: str | None = None
    line: int | None = None
    fatal: bool = True

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


@dataclass(frozen=True)
class SiteConfig:
    """The configuration in effect, each value with its origin. `source`: the site file the
    values came from (None: none was found, or it was broken and defaults are in effect)."""

    name: Value[str]
    base_url: Value[str]
    logo: Value[str | None]
    locale: Value[str]
    sections: Value[tuple[str, ...]]
    sections_file: Value[Path | None]
    officials_csv: Value[Path | None]
    export_folder: Value[Path | None]
    language: Value[str]
    user_may_change: Value[tuple[str, ...]]
    headline_min: Value[int] = Value(DEFAULT_LIMITS.headline_min)
    headline_max: Value[int] = Value(DEFAULT_LIMITS.headline_max)
    sapo_min: Value[int] = Value(DEFAULT_LIMITS.sapo_min)
    sapo_max: Value[int] = Value(DEFAULT_LIMITS.sapo_max)
    # The newsroom's server ([server]; docs/server.md): no url, no server (the desk alone).
    server_url: Value[str | None] = Value(None)
    server_sslmode: Value[str] = Value(DEFAULT_SSLMODE)
    server_sslrootcert: Value[Path | None] = Value(None)
    server_sslcert: Value[Path | None] = Value(None)
    server_sslkey: Value[Path | None] = Value(None)
    # The house style's tone placement ([style] tone_marks): "hòa" (hòa, khỏe, thủy) or "hoà"
    # (hoà, khoẻ, thuỷ); `domain/house_style.py`.
    tone_marks: Value[ToneStyle] = Value("hòa")
    # Where `editor-app site upload` puts the site ([publish]; domain/site_publish.py).
    publish_target: Value[str] = Value("folder")
    publish_folder: Value[Path | None] = Value(None)
    publish_host: Value[str | None] = Value(None)
    publish_port: Value[int] = Value(22)
    publish_user: Value[str | None] = Value(None)
    publish_key_file: Value[Path | None] = Value(None)
    publish_remote_path: Value[str | None] = Value(None)
    publish_known_hosts: Value[Path | None] = Value(None)
    # Where IT publishes releases ([updates]; domain/site_updates.py): a folder or https://.
    updates_source: Value[str | None] = Value(None)
    updates_allow_install: Value[bool] = Value(False)
    source: Path | None = None

    @classmethod
    def defaults(
        cls,
        name: str = DEFAULT_NAME,
        base_url: str = DEFAULT_BASE_URL,
        locale: str = DEFAULT_LOCALE,
    ) -> SiteConfig:
        """The built-in configuration."""
        return cls(
            name=Value(name),
            base_url=Value(base_url),
            logo=Value(None),
            locale=Value(locale),
            sections=Value(()),
            sections_file=Value(None),
            officials_csv=Value(None),
            export_folder=Value(None),
            language=Value("vi"),
            user_may_change=Value(tuple(USER_KEYS)),
        )

    def entries(self) -> list[tuple[str, Value[Any]]]:
        """(dotted key as in the site file, value), in the file's order."""
        return [(KEYS[f.name], getattr(self, f.name)) for f in fields(self) if f.name in KEYS]

    def user_may(self, what: str) -> bool:
        """Whether users' settings may override `what` ("language", "export_folder")."""
        return what in self.user_may_change.value

    @property
    def length_limits(self) -> LengthLimits:
        """The outlet's headline and sapo length limits (the checklist's)."""
        return LengthLimits(
            self.headline_min.value,
            self.headline_max.value,
            self.sapo_min.value,
            self.sapo_max.value,
        )

    def defaulted_outlet(self) -> dict[str, str]:
        """Which of the outlet's name and address are still the built-in ones ("name",
        "base_url" → the value): the site is not configured while this is not empty."""
        return {
            key: value.value
            for key, value in (("name", self.name), ("base_url", self.base_url))
            if value.origin.kind == "default"
        }

    @property
    def logo_url(self) -> str | None:
        """The logo as an absolute URL (a path on the site is joined to the base URL)."""
        logo = self.logo.value
        if logo and logo.startswith("/"):
            return self.base_url.value.rstrip("/") + logo
        return logo

    @property
    def nav_sections(self) -> tuple[str, ...]:
        """The top-level sections, in order: the exported page's menu."""
        seen: dict[str, None] = {}
        for path in self.sections.value:
            seen.setdefault(path.split(SEPARATOR, 1)[0], None)
        return tuple(seen)

    def with_user(self, values: Mapping[str, object]) -> tuple[SiteConfig, list[str]]:
        """The configuration with the user's settings (`{"language": "en", "export_folder":
        "/home/x/Xuất bản"}`) for what the policy allows; returns it and what was refused
        (locked by IT). Empty or unknown values are ignored."""
        out = self
        refused: list[str] = []
        for what, raw in values.items():
            if what not in USER_KEYS or raw is None or str(raw).strip() == "":
                continue
            if not self.user_may(what):
                refused.append(what)
                continue
            text = nfc(str(raw).strip())
            if what == "language":
                if text in LANGUAGES:
                    out = replace(out, language=Value(text, USER))
            else:
                out = replace(out, export_folder=Value(Path(text), USER))
        return out, refused


#: SiteConfig field → dotted key in the site file.
KEYS: dict[str, str] = {
    "name": "outlet.name",
    "base_url": "outlet.base_url",
    "logo": "outlet.logo",
    "locale": "outlet.locale",
    "sections": "directory.sections",
    "sections_file": "directory.sections_file",
    "officials_csv": "directory.officials_csv",
    "export_folder": "export.folder",
    "language": "ui.language",
    "user_may_change": "policy.user_may_change",
    "headline_min": "checklist.headline_min",
    "headline_max": "checklist.headline_max",
    "sapo_min": "checklist.sapo_min",
    "sapo_max": "checklist.sapo_max",
    "server_url": "server.url",
    "server_sslmode": "server.sslmode",
    "server_sslrootcert": "server.sslrootcert",
    "server_sslcert": "server.sslcert",
    "server_sslkey": "server.sslkey",
    "tone_marks": "style.tone_marks",
    "publish_target": "publish.target",
    "publish_folder": "publish.folder",
    "publish_host": "publish.host",
    "publish_port": "publish.port",
    "publish_user": "publish.user",
    "publish_key_file": "publish.key_file",
    "publish_remote_path": "publish.remote_path",
    "publish_known_hosts": "publish.known_hosts",
    "updates_source": "updates.source",
    "updates_allow_install": "updates.allow_install",
}
TABLES = (
    "outlet",
    "directory",
    "export",
    "ui",
    "policy",
    "checklist",
    "server",
    "style",
    "publish",
    "updates",
)
#: The largest length limit the site file may give (characters).
MAX_LENGTH_LIMIT = 10_000
