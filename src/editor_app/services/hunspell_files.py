"""Reading a hunspell dictionary (`.aff` and `.dic`) with spylls, closing its files.

spylls' `Dictionary.from_files` leaves both files open (and a third when the `.aff` names its
encoding and is opened again): a `ResourceWarning` each time a dictionary loads, and handles
held until the garbage collector runs. The same readers here close what they opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

__all__ = ["read_dictionary"]


def read_dictionary(base: Path) -> Any:
    """The spylls `Dictionary` of `base.aff` and `base.dic`."""
    from spylls.hunspell import Dictionary, readers
    from spylls.hunspell.readers.file_reader import FileReader

    class ClosingReader(FileReader):  # type: ignore[misc]
        def __init__(self, path: str, encoding: str = "Windows-1252") -> None:
            self.opened: list[IO[str]] = []
            super().__init__(path, encoding)

        def _open(self, path: str, encoding: str) -> IO[str]:
            f: IO[str] = super()._open(path, encoding)
            self.opened.append(f)
            return f

        def close(self) -> None:
            for f in self.opened:
                f.close()

    aff_reader = ClosingReader(str(base.with_suffix(".aff")))
    try:
        aff, context = readers.read_aff(aff_reader)
    finally:
        aff_reader.close()
    dic_reader = ClosingReader(str(base.with_suffix(".dic")), encoding=context.encoding)
    try:
        dic = readers.read_dic(dic_reader, aff=aff, context=context)
    finally:
        dic_reader.close()
    return Dictionary(aff, dic)
