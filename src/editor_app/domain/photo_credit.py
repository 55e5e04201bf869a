"""A photo's caption as Vietnamese papers write it, split into the caption and the credit.

The credit closes the caption: "Đồng chí … phát biểu. Ảnh: Hồng Ninh", "… phát biểu (Ảnh: Hồng
Ninh)", "… phát biểu - Ảnh: TTXVN", or a line "Ảnh: Hồng Ninh" alone. "Ảnh minh họa" (no colon)
is a caption, not a credit. The text comes out NFC with its white space collapsed.
"""

from __future__ import annotations

import re

from editor_app.domain.text import nfc

__all__ = ["MAX_CREDIT_CHARS", "MAX_CREDIT_WORDS", "split_credit"]

#: A credit is a name or two and an agency ("Hồng Ninh/TTXVN"); longer text after "Ảnh:" is
#: a sentence of the caption.
MAX_CREDIT_CHARS = 100
MAX_CREDIT_WORDS = 10

_SPACE = re.compile(r"\s+")
# "Ảnh:" (any case, a space before the colon allowed) where a word starts; it is a credit's
# label only at the start or after punctuation ("Hình ảnh: …" is a caption).
_LABEL = re.compile(r"(?<!\w)ảnh\s*:", re.IGNORECASE)
# What separates the caption from its credit, left at the caption's end: spaces, dashes,
# commas, semicolons, an opening bracket (a full stop stays: it ends the caption's sentence).
_TRAILING_SEPARATORS = " \t-–—,;:([|/"


def _credit_text(rest: str, opened: bool) -> str | None:
    """The credit after "Ảnh:", or None when `rest` is not one (empty, too long: more of the
    caption's sentence, a bracket not closed where it was opened)."""
    credit = rest.strip().rstrip(" .")
    if opened:
        if not credit.endswith((")", "]")):
            return None
        credit = credit[:-1].strip()
    credit = credit.rstrip(" .")
    if not credit or len(credit) > MAX_CREDIT_CHARS:
        return None
    if any(c in credit for c in "()[]") or len(credit.split()) > MAX_CREDIT_WORDS:
        return None
    return credit


def split_credit(text: str) -> tuple[str, str]:
    """(caption, credit) from a caption paragraph; credit "" when it names none."""
    text = _SPACE.sub(" ", nfc(text)).strip()
    matches = list(_LABEL.finditer(text))
    if not matches:
        return text, ""
    label = matches[-1]
    before = text[: label.start()]
    if before.strip() and before.rstrip()[-1].isalnum():
        return text, ""
    opened = before.rstrip().endswith(("(", "["))
    credit = _credit_text(text[label.end() :], opened)
    if credit is None:
        return text, ""
    caption = before.rstrip(_TRAILING_SEPARATORS)
    return caption, credit
