"""How long reading a hostile site file takes, against a real one measured in the same run.

Each file is at most the 1 MB the app reads; each figure is `load_site` (read, nesting check,
tomllib, checks, line scan), the best of 3. Prints milliseconds.

    .venv/bin/python benchmarks/site_hostile.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from editor_app.services.siteconfig import load_site

REAL = """\
[outlet]
name = "Báo Yên Bái"
base_url = "https://baoyenbai.com.vn"
logo = "/images/logo.png"
[directory]
sections = ["Thời sự", "Kinh tế/Nông nghiệp", "Văn hóa - Du lịch", "Thể thao"]
[ui]
language = "vi"
[policy]
user_may_change = ["export_folder"]
"""
SPACES = " " * 300_000
HOSTILE = {
    "30,000 unknown keys": "[ui]\n" + "".join(f"k{i} = {i}\n" for i in range(30_000)),
    "5,000 unknown tables": "".join(f"[t{i}]\nx = 1\n" for i in range(5_000)),
    "quoted key of 300,000 spaces": f'[outlet]\n"a{SPACES}b" = 1\n',
    "table name of 300,000 spaces": f'["t{SPACES}u"]\n',
    "a 900,000-character name": f'[outlet]\nname = "{"x" * 900_000}"\n',
    "nesting 100,000 deep (refused)": "x = " + "[" * 100_000 + "]" * 100_000,
    "key of 100,000 parts (refused)": "[outlet]\nx" + ".x" * 100_000 + " = 1\n",
    "balanced brackets, 1 MB": "x = [" + "[], " * 250_000 + "]\n",
    "1,000 sections": "[directory]\nsections = ["
    + ", ".join(f'"Mục {i}/Con {i}"' for i in range(500))
    + "]\n",
    "1 MB of comments": ("# " + "x" * 1000 + "\n") * 1000,
}


def best(path: Path) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        load_site(path)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site.toml"
        site.write_text(REAL, encoding="utf-8")
        baseline = best(site)
        print(f"{'real site file (baseline)':<34} {baseline:8.2f} ms")
        for name, text in HOSTILE.items():
            site.write_text(text, encoding="utf-8")
            size = site.stat().st_size / (1 << 20)
            took = best(site)
            print(f"{name:<34} {took:8.2f} ms  ({size:.2f} MB, {took / baseline:.0f}× baseline)")


if __name__ == "__main__":
    main()
