"""Checked access to JSON from another PC: every value a part gives is checked for type, sense
and size (`exchange.limits`) before use, and a failure names the package, the part and the
field's path (``snapshot.photos[2].caption``). Snapshots (as `services.articles.snapshot` makes
them) are checked here too."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from editor_app.domain.errors import ValidationError
from editor_app.domain.focal import focus_from_json, focus_to_json
from editor_app.domain.text import format_datetime, format_number, nfc
from editor_app.domain.timezone import to_local
from editor_app.domain.workflow import Status
from editor_app.exchange.limits import DEFAULT_CHARS, MAX_CHARS, MAX_ITEMS
from editor_app.exchange.manifest import PackageError

__all__ = ["Fields", "snapshot_from_json"]

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_TEXT_KEYS = ("headline", "sapo", "body", "byline", "location")
_EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
_LATEST = datetime(9000, 1, 1, tzinfo=UTC)


class Fields:
    """Typed access to one JSON part; each failure names the part and the field's path."""

    def __init__(self, package_name: str, part: str, latest: datetime | None = None) -> None:
        self.name = package_name
        self.part = part
        self.latest = latest  # the latest time accepted (this machine's clock and a skew)

    def fail(self, where: str, problem: str) -> PackageError:
        return PackageError(
            f"Gói “{self.name}” bị từ chối: mục “{self.part}”, trường “{where}” {problem}."
        )

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "phải là một đối tượng")
        return value

    def arr(self, value: Any, where: str) -> list[Any]:
        """A list, at most as long as `MAX_ITEMS` allows for its key (the path's last part)."""
        if not isinstance(value, list):
            raise self.fail(where, "phải là một danh sách")
        most = MAX_ITEMS.get(where.rsplit(".", 1)[-1])
        if most is not None and len(value) > most:
            count, limit = format_number(len(value)), format_number(most)
            raise self.fail(where, f"có quá nhiều mục ({count}, tối đa {limit})")
        return value

    def _short(self, value: str, key: str, where: str) -> str:
        most = MAX_CHARS.get(key, DEFAULT_CHARS)
        if len(value) > most:
            count, limit = format_number(len(value)), format_number(most)
            raise self.fail(where, f"quá dài ({count} ký tự, tối đa {limit})")
        return nfc(value)

    def text(self, obj: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = obj.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"{where}{key}", "phải là một chuỗi")
        return self._short(value, key, f"{where}{key}")

    def maybe_text(self, obj: Mapping[str, Any], key: str, where: str) -> str | None:
        return None if obj.get(key) is None else self.text(obj, key, where)

    def texts(self, obj: Mapping[str, Any], key: str, where: str) -> list[str]:
        items = self.arr(obj.get(key, []), f"{where}{key}")
        if not all(isinstance(v, str) for v in items):
            raise self.fail(f"{where}{key}", "phải là danh sách chuỗi")
        return [self._short(v, key, f"{where}{key}[{i}]") for i, v in enumerate(items)]

    def integer(self, obj: Mapping[str, Any], key: str, where: str) -> int:
        value = obj.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{where}{key}", "phải là số nguyên không âm")
        return value

    def boolean(self, obj: Mapping[str, Any], key: str, where: str) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}{key}", "phải là true hoặc false")
        return value

    def ident(self, obj: Mapping[str, Any], key: str, where: str) -> uuid.UUID:
        value = obj.get(key)
        try:
            if not isinstance(value, str):
                raise ValueError
            return uuid.UUID(value)
        except ValueError:
            raise self.fail(f"{where}{key}", "không phải mã (UUID) hợp lệ") from None

    def maybe_ident(self, obj: Mapping[str, Any], key: str, where: str) -> uuid.UUID | None:
        return None if obj.get(key) is None else self.ident(obj, key, where)

    def when(
        self, obj: Mapping[str, Any], key: str, where: str, future_ok: bool = False
    ) -> datetime:
        """A time with its zone, as UTC; unless `future_ok` (a camera's clock), not later
        than `latest`."""
        value = obj.get(key)
        try:
            if not isinstance(value, str):
                raise ValueError
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{where}{key}", "không phải thời điểm hợp lệ") from None
        if moment.tzinfo is None:
            raise self.fail(f"{where}{key}", "thiếu múi giờ")
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:  # e.g. 9999-12-31T23:00-05:00: past the last day in UTC
            moment = datetime.max.replace(tzinfo=UTC)
        if not _EARLIEST <= moment <= _LATEST:  # also: shown in local time, it would overflow
            raise self.fail(f"{where}{key}", "không phải thời điểm hợp lệ")
        if not future_ok and self.latest is not None and moment > self.latest:
            shown = format_datetime(to_local(moment), weekday=False)
            raise self.fail(
                f"{where}{key}",
                f"ở tương lai ({shown}) so với đồng hồ máy này: đồng hồ của máy gửi hoặc máy này "
                "đang sai",
            )
        return moment

    def maybe_when(
        self, obj: Mapping[str, Any], key: str, where: str, future_ok: bool = False
    ) -> datetime | None:
        return None if obj.get(key) is None else self.when(obj, key, where, future_ok)

    def day(self, obj: Mapping[str, Any], key: str, where: str) -> date | None:
        value = obj.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{where}{key}", "không phải ngày hợp lệ") from None

    def sha(self, obj: Mapping[str, Any], key: str, where: str) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or not _SHA256_RE.fullmatch(value):
            raise self.fail(f"{where}{key}", "phải là 64 chữ số hex thường")
        return value

    def unique(self, ids: Sequence[uuid.UUID], where: str) -> None:
        if len(set(ids)) != len(ids):
            raise self.fail(where, "có mã trùng nhau")


def snapshot_from_json(c: Fields, value: Any, where: str, complete: bool) -> dict[str, Any]:
    """A snapshot with its known keys checked (all of them required when `complete`);
    unknown keys are left out."""
    snap = c.obj(value, where)
    out: dict[str, Any] = {}
    w = f"{where}."

    def has(key: str) -> bool:
        if key in snap:
            return True
        if complete:
            raise c.fail(f"{w}{key}", "bị thiếu")
        return False

    for key in _TEXT_KEYS:
        if has(key):
            out[key] = c.text(snap, key, w)
    if has("section"):
        out["section"] = c.maybe_text(snap, "section", w)
    for key in ("secondary_sections", "keywords"):
        if has(key):
            out[key] = c.texts(snap, key, w)
    if has("event_date"):
        day = c.day(snap, "event_date", w)
        out["event_date"] = None if day is None else day.isoformat()
    if has("status"):
        status = c.text(snap, "status", w)
        if status not in {s.value for s in Status}:
            raise c.fail(f"{w}status", "không phải trạng thái hợp lệ")
        out["status"] = status
    if has("officials"):
        ids = [str(uuid.UUID(s)) for s in _uuid_strings(c, snap.get("officials"), f"{w}officials")]
        out["officials"] = ids
    if has("photos"):
        out["photos"] = [
            _snapshot_photo(c, p, f"{w}photos[{i}]")
            for i, p in enumerate(c.arr(snap.get("photos"), f"{w}photos"))
        ]
        c.unique([uuid.UUID(p["id"]) for p in out["photos"]], f"{w}photos")
    return out


def _uuid_strings(c: Fields, value: Any, where: str) -> list[str]:
    items = c.arr(value, where)
    for i, v in enumerate(items):
        c.ident({"id": v}, "id", f"{where}[{i}].")
    return [str(v) for v in items]


def _snapshot_photo(c: Fields, value: Any, where: str) -> dict[str, Any]:
    p = c.obj(value, where)
    w = f"{where}."
    out: dict[str, Any] = {
        "id": str(c.ident(p, "id", w)),
        "sha256": c.sha(p, "sha256", w),
        "caption": c.text(p, "caption", w, ""),
        "credit": c.text(p, "credit", w, ""),
        "alt_text": c.text(p, "alt_text", w, ""),
        "featured": c.boolean(p, "featured", w),
    }
    if p.get("focus") is not None:
        try:
            out["focus"] = focus_to_json(focus_from_json(p["focus"]))
        except ValidationError:
            raise c.fail(f"{w}focus", "phải là hai số từ 0 đến 1") from None
    for key in ("filename", "format"):
        if key in p:
            out[key] = c.text(p, key, w)
    for key in ("width", "height", "size_bytes"):
        if key in p:
            out[key] = c.integer(p, key, w)
    return out
