"""Full-text search benchmark (issue 2, item 7): index build, sizes, latency, the đ choice.

    .venv/bin/python benchmarks/search.py                 # 100,000 articles: ~8 min, ~2 GB on disk
    .venv/bin/python benchmarks/search.py --quick         # 5,000 articles, fewer queries: ~30 s
    .venv/bin/python benchmarks/search.py --articles 20000 --queries 50 --keep /tmp/bench

Builds synthetic Vietnamese articles (~600 syllables each, Zipf-like word frequencies, tones
and đ, officials' names) in a temporary data folder through the real store (Database.open,
bulk Core inserts in one transaction, then search_repo.reindex_dirty timed on its own) and
prints:

  * index build time and sizes: the FTS tables against the articles table (dbstat);
  * search latency p50/p95 through search_repo.search(session, q, limit=20) for one-, two- and
    three-word queries, with and without diacritics, as words and as quoted phrases, next to
    the same queries through a proposed SQL shape, and a LIKE '%…%' scan of the same data;
  * the đ choice: (a) the current index (original text, query d → d OR đ) against (b) a
    folded shadow FTS5 table (fold()ed text, plain folded tokens);
  * where the time of a slow query goes, and what each candidate change buys;
  * the GUI's as-you-type path (prefix on the last word, limit 200), key by key.

    .venv/bin/python benchmarks/search.py --hostile --articles 5000   # issue 20, point 9

prints only hostile queries (32,767 characters, the most the search box holds, of one word or
phrase repeated, and of different words) before the query caps (every word searched, as the
MATCH was built until issue 20) and after (search_repo.search as it is), in the same run.

Only the benchmark's own temporary database is changed; nothing under src/ is modified. The
proposed shapes are written out here (proposed_*) so the figures can be checked against the
code suggested in docs/search.md.
"""

from __future__ import annotations

import argparse
import bisect
import math
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.orm import Session

from editor_app.domain.text import fold, fold_char
from editor_app.store import sqlite
from editor_app.store.database import Database
from editor_app.store.models import ArticleOfficialRow, ArticleRow, OfficialRow, PhotoRow
from editor_app.store.repo import search as search_repo


def _words(s: str, sep: str | None = None) -> list[str]:
    return [w.strip() for w in s.split(sep) if w.strip()]


# --- a synthetic Vietnamese vocabulary -----------------------------------------------------------

# Common news words, roughly most frequent first; a unit may be a compound of 2-3 syllables.
HEAD_WORDS = _words(
    """
của, và, các, có, là, được, trong, cho, đã, với, không, người, này, một, những, đến, năm, khi,
để, theo, về, tại, ra, đang, sẽ, nhiều, từ, cũng, như, đó, phải, ngày, làm, thì, trên, còn, sau,
hơn, nhưng, lại, vào, tỉnh, đồng, cho biết, phát triển, kinh tế, doanh nghiệp, hoạt động,
thực hiện, xã hội, quản lý, chính phủ, nhân dân, hội nghị, đảng, đảng bộ, tỉnh ủy, ủy ban,
chủ tịch, bí thư, phó chủ tịch, giám đốc, sở, huyện, xã, thành phố, thị xã, đầu tư, dự án,
công trình, giao thông, giáo dục, y tế, nông nghiệp, nông dân, sản xuất, thị trường, tăng trưởng,
ngân sách, kế hoạch, chỉ đạo, triển khai, cán bộ, đảng viên, nhiệm vụ, giải pháp, chương trình,
phong trào, xây dựng, nông thôn mới, văn hóa, du lịch, an ninh, quốc phòng, trật tự, học sinh,
sinh viên, trường, bệnh viện, bác sĩ, thời tiết, mưa, lũ, bão, cây, lúa, cà phê, hồ tiêu, cao su,
điện, nước, đường, cầu, dân cư, lao động, việc làm, thu nhập, hộ nghèo, giảm nghèo, hỗ trợ,
chính sách, pháp luật, vi phạm, công an, điều tra, tai nạn, vụ việc, đối tượng, kiểm tra,
thanh tra, phòng chống, tham nhũng, lãng phí, cải cách, hành chính, chuyển đổi số, công nghệ,
thông tin, báo chí, tuyên truyền, đại biểu, quốc hội, hội đồng, bầu cử, kỷ niệm, lễ hội,
truyền thống, di tích, lịch sử, cách mạng, anh hùng, liệt sĩ, gia đình, phụ nữ, thanh niên,
trẻ em, người cao tuổi, cựu chiến binh, mặt trận, tổ quốc, tổ chức, cơ quan, đơn vị, địa phương,
khu vực, vùng, trung ương, thôn, buôn, làng, biên giới, rừng, môi trường, khí hậu, tài nguyên,
đất đai, khoáng sản, năng lượng, xuất khẩu, hàng hóa, giá, tiêu dùng, ngân hàng, tín dụng, vốn,
tỷ, triệu, nghìn, so với, cùng kỳ, tháng, quý, đầu năm, cuối năm, hôm nay, vừa qua, sáng, chiều,
tuần, đề nghị, yêu cầu, nhấn mạnh, khẳng định, đánh giá, báo cáo, kết quả, tình hình, hiệu quả,
chất lượng, nâng cao, tăng cường, đẩy mạnh, tập trung, ưu tiên, quan tâm, khó khăn, vướng mắc,
hạn chế, thời gian tới, mục tiêu, đề ra, hoàn thành, vượt, chỉ tiêu, đạt, tốt, mới, lớn, nhỏ,
cao, thấp, rất, đều, chỉ, vẫn, đây, nay, nơi, mình, chúng tôi, họ, anh, chị, ông, bà, em,
dân, dân tộc, dân số, dự kiến, dịp, diễn ra, diện tích, sử dụng, áp dụng, dòng, dạng, đa dạng,
đáng, đáng kể, đúng, đủ, đêm, đời sống, đất nước, đoàn, đoàn kết, đồng chí, đồng bào, đội,
đối với, điều kiện, địa bàn, đại hội, đại học, đầu tiên, đi, đưa, đợt, dịch bệnh, dưới, dài,
Đắk Lắk, Gia Lai, Kon Tum, Lâm Đồng, Đà Nẵng, Quảng Nam, Bình Định, Phú Yên, Khánh Hòa,
Đồng Nai, Hà Nội, TP Hồ Chí Minh, Buôn Ma Thuột, Đắk Nông, Ea Kar, Krông Pắc, Cư Kuin
""",
    ",",
)
FAMILY = _words("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh")
MIDDLE = _words("Văn Thị Đức Minh Quang Hữu Thanh Ngọc Xuân Hồng Công Đình Thế Anh Kim")
GIVEN = _words(
    "Huy Hùng Dũng Hải Nam Tuấn Lan Hoa Hương Đạt Đông Dung Dương Thắng Long Phong Sơn Bình "
    "Trung Tâm Thủy Hà Giang Đức Quân Khoa Linh Nga Phúc Tiến Vinh Yến"
)
TITLES = (
    "Bí thư Tỉnh ủy",
    "Chủ tịch UBND tỉnh",
    "Phó Chủ tịch UBND tỉnh",
    "Giám đốc Sở Y tế",
    "Chủ tịch HĐND tỉnh",
    "Trưởng Ban Tuyên giáo Tỉnh ủy",
    "Giám đốc Công an tỉnh",
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Giám đốc Sở Nông nghiệp và Phát triển nông thôn",
)
SECTIONS = ("Thời sự", "Thời sự/Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Pháp luật")
STATUSES = ("draft", "submitted", "editing", "approved", "published", "published", "published")

ONSETS = ["", *_words("b c ch d đ g gi h kh l m n ng nh ph qu r s t th tr v x")]
# '*' follows the vowel that carries the tone mark.
RHYMES = _words(
    """
a* a*i a*o a*u a*y a*m a*n a*ng a*nh a*c a*ch a*t a*p ă*n ă*ng ă*m ă*c ă*t ă*p â*n â*ng â*m â*u
â*y â*c â*t â*p e* e*o e*m e*n e*c e*t e*p ê* ê*u ê*nh ê*m ê*n ê*ch ê*t ê*p i* i*a i*u i*m i*n
i*nh i*ch i*t iê*n iê*u iê*t iê*c iê*m o* o*i o*m o*n o*ng o*c o*t o*p oa* oa*i oa*n oa*ng
oa*nh oa*t oa*c oă*n oe* oe*t ô* ô*i ô*m ô*n ô*ng ô*c ô*t ơ* ơ*i ơ*m ơ*n ơ*t u* u*a u*i u*m
u*n u*ng u*c u*t uâ*n uâ*t uy* uyê*n uê* uô*n uô*ng uô*c uô*t uô*i ư* ư*a ư*i ư*u ư*ng ư*c ư*t
ươ* ươ*i ươ*n ươ*ng ươ*c ươ*t ươ*u
"""
)
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
STOP_TONES = ("\u0301", "\u0323")  # a syllable ending in c, ch, p, t takes only these


def _syllable(onset: str, rhyme: str, tone: str) -> str | None:
    first = rhyme[0]
    if (onset == "qu" and first in "uoô") or (onset == "gi" and first == "i"):
        return None
    if first in "ieê":
        onset = {"c": "k", "g": "gh", "ng": "ngh"}.get(onset, onset)
    i = rhyme.index("*")
    return unicodedata.normalize("NFC", onset + rhyme[:i] + tone + rhyme[i + 1 :])


def all_syllables() -> list[str]:
    out = []
    for rhyme in RHYMES:
        stop = rhyme.replace("*", "").endswith(("c", "ch", "p", "t"))
        for onset in ONSETS:
            for tone in STOP_TONES if stop else TONES:
                s = _syllable(onset, rhyme, tone)
                if s:
                    out.append(s)
    return out


def zipf_cum(n: int, s: float = 1.0, q: float = 2.7) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights 1/(rank+q)^s (rank from 1)."""
    cum, total = [], 0.0
    for r in range(1, n + 1):
        total += 1.0 / (r + q) ** s
        cum.append(total)
    return cum


class Corpus:
    """Deterministic synthetic articles; text is NFC as the app stores it."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        head = list(dict.fromkeys(HEAD_WORDS))
        known = {s.lower() for w in head for s in w.split()}
        pool = [s for s in all_syllables() if s not in known]
        self.rng.shuffle(pool)
        singles = pool[:4500]
        compounds = {f"{self.rng.choice(singles)} {self.rng.choice(singles)}" for _ in range(16000)}
        tail = singles + sorted(compounds)
        self.rng.shuffle(tail)
        self.words: list[str] = head + tail
        self.cum = zipf_cum(len(self.words))
        self.syllables_per_unit = (
            sum(
                (c - p) * w.count(" ") + (c - p)
                for w, c, p in zip(self.words, self.cum, [0.0, *self.cum[:-1]], strict=True)
            )
            / self.cum[-1]
        )
        names = {"Dương Đức Huy"}
        while len(names) < 600:
            names.add(
                f"{self.rng.choice(FAMILY)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
            )
        others = sorted(names - {"Dương Đức Huy"})
        self.rng.shuffle(others)
        self.officials = [*others[:4], "Dương Đức Huy", *others[4:]]  # a well-known name
        self.official_ids = [str(uuid.UUID(int=self.rng.getrandbits(128))) for _ in self.officials]
        self.official_cum = zipf_cum(len(self.officials), 1.1, 5.0)
        self.topic_lo = 40  # topics come from the middle of the vocabulary
        self.topic_hi = 4000
        self.total = 100_000  # articles are spread over three years in pk order

    def _draw(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum, k=k)

    def _text(self, syllables: int, topic: Sequence[str], topic_share: float) -> list[str]:
        k = max(1, round(syllables / self.syllables_per_unit))
        units = self._draw(k)
        for _ in range(round(k * topic_share)):
            units[self.rng.randrange(k)] = self.rng.choice(topic)
        return units

    def _sentence(self, units: list[str]) -> str:
        rng = self.rng
        if rng.random() < 0.3:
            units.insert(rng.randrange(len(units) + 1), str(rng.choice((2024, 2025, 15, 30))))
        if len(units) > 6 and rng.random() < 0.5:
            j = rng.randrange(2, len(units) - 2)
            units[j] += ","
        s = " ".join(units)
        return s[0].upper() + s[1:] + "."

    def make_pool(self, size: int) -> None:
        """Sentences shared by all articles (drawing every word per article is too slow)."""
        lengths = [self.rng.randint(9, 22) for _ in range(size)]
        units = self._draw(sum(lengths))
        self.pool: list[str] = []
        self.pool_syllables, i = 0.0, 0
        for n in lengths:
            sent = self._sentence(units[i : i + n])
            i += n
            self.pool.append(sent)
            self.pool_syllables += sent.count(" ") + 1
        self.pool_syllables /= size

    def _body(self, syllables: int, topic: Sequence[str], mentions: list[str]) -> str:
        """Sentences from the pool, plus fresh ones dense with the article's topic and names."""
        rng = self.rng
        fresh = []
        for _ in range(4):
            units = self._text(15, topic, 0.5)
            if mentions:
                units.insert(rng.randrange(len(units) + 1), rng.choice(mentions))
            fresh.append(self._sentence(units))
        fresh_syllables = sum(f.count(" ") + 1 for f in fresh)
        k = max(1, round((syllables - fresh_syllables) / self.pool_syllables))
        sentences = rng.choices(self.pool, k=k) + fresh
        rng.shuffle(sentences)
        return "\n\n".join(" ".join(sentences[j : j + 5]) for j in range(0, len(sentences), 5))

    def article(self, pk: int) -> tuple[dict[str, Any], list[dict[str, Any]], list[int]]:
        """One article row, its photo rows and the indexes of the officials it names."""
        rng = self.rng
        topic = [self.words[rng.randrange(self.topic_lo, self.topic_hi)] for _ in range(8)]
        n_off = rng.choices((0, 1, 2, 3), (35, 35, 20, 10))[0]
        offs = sorted(
            {
                bisect.bisect(self.official_cum, rng.random() * self.official_cum[-1])
                for _ in range(n_off)
            }
        )
        mention = [
            f"{rng.choice(('ông', 'bà'))} {self.officials[o]}, {rng.choice(TITLES)}," for o in offs
        ]
        headline_units = self._text(15, topic, 0.4)
        s = " ".join(headline_units)
        headline = s[0].upper() + s[1:]
        sapo_units = self._text(34, topic, 0.2)
        if mention:
            sapo_units.insert(rng.randrange(len(sapo_units) + 1), mention[0])
        half = len(sapo_units) // 2
        sapo = self._sentence(sapo_units[:half]) + " " + self._sentence(sapo_units[half:])
        body = self._body(600, topic, mention)
        minutes = (pk + rng.random()) * 1_500_000 / self.total  # pk order is creation order
        created = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
        row = {
            "pk": pk,
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
            "headline": headline,
            "sapo": sapo,
            "body": body,
            "section": rng.choice(SECTIONS),
            "secondary_sections": [],
            "keywords": sorted({*topic[:3], rng.choice(self.words[100:300])}),
            "byline": "Thanh Hà",
            "location": "Buôn Ma Thuột",
            "event_date": None,
            "status": rng.choice(STATUSES),
            "created_at": created,
            "updated_at": created + timedelta(minutes=rng.randrange(3000)),
            "trashed_at": created + timedelta(days=1) if rng.random() < 0.02 else None,
            "search_dirty": True,
        }
        photos = []
        for i in range(rng.choices((0, 1, 2, 3), (25, 35, 25, 15))[0]):
            caption = " ".join(self._text(14, topic, 0.3))
            photos.append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128))),
                    "article_pk": pk,
                    "sha256": f"{rng.getrandbits(256):064x}",
                    "filename": f"anh-{pk}-{i}.jpg",
                    "format": "JPEG",
                    "width": 1600,
                    "height": 1067,
                    "size_bytes": 350_000,
                    "caption": caption[0].upper() + caption[1:] + ".",
                    "credit": "Ảnh: Thanh Hà",
                    "alt_text": "",
                    "position": i,
                    "featured": i == 0,
                    "taken_at": None,
                    "camera": "",
                }
            )
        return row, photos, offs


# --- helpers -------------------------------------------------------------------------------------


class _FoldTable(dict[int, str]):
    """A str.translate table equal to fold_char per character, filled on first sight."""

    def __missing__(self, key: int) -> str:
        value = fold_char(chr(key))
        self[key] = value
        return value


_FOLD_TABLE = _FoldTable()


def fast_fold(s: str) -> str:
    """fold() for text that is already NFC (the run checks it against fold() on a sample)."""
    return s.translate(_FOLD_TABLE)


def pct(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def p50(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[str], Any], queries: Sequence[str]) -> tuple[list[float], list[Any]]:
    """Milliseconds per query (each run once, in order) and the results."""
    times, results = [], []
    for q in queries:
        t = time.perf_counter()
        results.append(fn(q))
        times.append((time.perf_counter() - t) * 1000)
    return times, results


def mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def log(msg: str = "") -> None:
    print(msg, flush=True)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(h) for h in headers], *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, r in enumerate(cells):
        parts = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        print("  " + "  ".join(parts).rstrip())
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))
    print(flush=True)


# --- filling the store ---------------------------------------------------------------------------


def fill(db: Database, corpus: Corpus, n: int, batch: int = 2000) -> tuple[float, float]:
    """Inserts n articles (with photos and officials) in one transaction; (gen s, insert s)."""
    corpus.total = n
    gen_s = ins_s = 0.0
    with db.engine.begin() as conn:
        conn.execute(
            insert(OfficialRow),
            [
                {"id": i, "full_name": nm, "organization": "UBND tỉnh", "aliases": []}
                for i, nm in zip(corpus.official_ids, corpus.officials, strict=True)
            ],
        )
        for start in range(1, n + 1, batch):
            t = time.perf_counter()
            arts: list[dict[str, Any]] = []
            photos: list[dict[str, Any]] = []
            links: list[dict[str, Any]] = []
            for pk in range(start, min(n + 1, start + batch)):
                row, ph, offs = corpus.article(pk)
                arts.append(row)
                photos.extend(ph)
                links.extend(
                    {"article_pk": pk, "official_id": corpus.official_ids[o], "position": i}
                    for i, o in enumerate(offs)
                )
            t2 = time.perf_counter()
            conn.execute(insert(ArticleRow), arts)
            if photos:
                conn.execute(insert(PhotoRow), photos)
            if links:
                conn.execute(insert(ArticleOfficialRow), links)
            gen_s += t2 - t
            ins_s += time.perf_counter() - t2
    return gen_s, ins_s


def checkpoint(db: Database) -> float:
    t = time.perf_counter()
    with db.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    return time.perf_counter() - t


FOLD_TABLE = "articles_fold"


def build_folded(db: Database) -> tuple[float, float]:
    """(b): a second FTS5 table of fold()ed text; returns (folding s, FTS insert s)."""
    cols = ", ".join(sqlite.FTS_COLUMNS)
    marks = ", ".join("?" for _ in range(len(sqlite.FTS_COLUMNS) + 1))
    docs_sql = """
        SELECT a.pk, a.headline, a.sapo, a.body,
               (SELECT group_concat(p.caption, char(10)) FROM photos p
                 WHERE p.article_pk = a.pk AND p.caption != ''),
               (SELECT group_concat(o.full_name, char(10)) FROM article_officials ao
                  JOIN officials o ON o.id = ao.official_id WHERE ao.article_pk = a.pk),
               (SELECT group_concat(j.value, char(10)) FROM json_each(a.keywords) j)
        FROM articles a WHERE a.pk > ? ORDER BY a.pk LIMIT 500
    """
    fold_s = ins_s = 0.0
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(
            f"CREATE VIRTUAL TABLE {FOLD_TABLE} USING fts5({cols}, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        last = 0
        while rows := cur.execute(docs_sql, (last,)).fetchall():
            t = time.perf_counter()
            folded = [(r[0], *(fast_fold(c or "") for c in r[1:])) for r in rows]
            t2 = time.perf_counter()
            cur.executemany(f"INSERT INTO {FOLD_TABLE}(rowid, {cols}) VALUES ({marks})", folded)
            ins_s += time.perf_counter() - t2
            fold_s += t2 - t
            last = rows[-1][0]
        raw.commit()
    finally:
        raw.close()
    return fold_s, ins_s


def sizes(db: Database) -> dict[str, int]:
    """Bytes per table, a table's indexes counted with it (dbstat)."""
    with db.engine.connect() as conn:
        owner: dict[str, str] = {
            str(a): str(b)
            for a, b in conn.execute(text("SELECT name, tbl_name FROM sqlite_master"))
        }
        out: dict[str, int] = {}
        for name, size in conn.execute(text("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")):
            key = owner.get(name, name)
            out[key] = out.get(key, 0) + int(size)
        return out


def fts_parts(raw: dict[str, int], prefix: str) -> dict[str, int]:
    return {k[len(prefix) + 1 :]: v for k, v in raw.items() if k.startswith(prefix + "_")}


# --- queries -------------------------------------------------------------------------------------


def query_sets(corpus: Corpus, n: int, seed: int) -> dict[str, list[str]]:
    """Queries as a user types them (lower case, with diacritics); same seed, same queries."""
    rng = random.Random(seed + 1)
    freq: dict[str, float] = {}
    prev = 0.0
    for w, c in zip(corpus.words, corpus.cum, strict=True):
        for s in w.lower().split():
            freq[s] = freq.get(s, 0.0) + c - prev
        prev = c
    by_rank = sorted(freq, key=lambda s: -freq[s])

    def log_uniform(items: Sequence[str], lo: int, hi: int, k: int) -> list[str]:
        hi = min(hi, len(items))
        picked: list[str] = []
        while len(picked) < k:
            w = items[int(math.exp(rng.uniform(math.log(lo), math.log(hi)))) - 1]
            if w not in picked:
                picked.append(w)
        return picked

    ones = ["đảng", *[w for w in log_uniform(by_rank, 10, 3000, n) if w != "đảng"]]
    common = _words(
        "đảng dân đồng hội phát tỉnh đầu kinh công người năm được đã nhân huyện xã chính "
        "động đại điều"
    )
    twos_all = [w.lower() for w in corpus.words if w.count(" ") == 1]
    twos = ["hội nghị", *[w for w in log_uniform(twos_all, 1, 3000, n) if w != "hội nghị"]]
    triples = [w.lower() for w in corpus.words[:400] if w.count(" ") == 2]
    names = [nm.lower() for nm in corpus.officials[:300] if nm != "Dương Đức Huy"]
    threes = ["dương đức huy", *triples, *names][:n]
    rng.shuffle(threes)
    return {
        "1 word": ones[:n],
        "1 word, common": common[: min(n, 20)],
        "2 words": twos[:n],
        '2 words "phrase"': [f'"{q}"' for q in twos[:n]],
        "3 words": threes,
        '3 words "phrase"': [f'"{q}"' for q in threes],
    }


def like_sql(newest: bool) -> str:
    where = (
        "a.trashed_at IS NULL AND (a.headline LIKE :p ESCAPE '\\' OR a.sapo LIKE :p ESCAPE '\\' "
        "OR a.body LIKE :p ESCAPE '\\')"
    )
    if newest:
        return f"SELECT a.pk FROM articles a WHERE {where} ORDER BY a.updated_at DESC LIMIT 20"
    return f"SELECT count(*) FROM articles a WHERE {where}"


def like_pattern(q: str) -> str:
    q = q.strip().strip('"')
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def folded_match(q: str) -> str | None:
    """(b)'s MATCH: plain folded tokens, ANDed, or one phrase when quoted."""
    tokens = re.findall(r"\w+", fast_fold(unicodedata.normalize("NFC", q)))
    if not tokens:
        return None
    s = q.strip()
    if len(tokens) > 1 and len(s) > 1 and s.startswith('"') and s.endswith('"'):
        return '"' + " ".join(tokens) + '"'
    return " AND ".join(f'"{t}"' for t in tokens)


# --- SQL shapes: the current one's parts and the proposed one ------------------------------------

T = sqlite.FTS_TABLE
W = ", ".join(str(w) for w in sqlite.FTS_WEIGHTS)
LIVE = "AND a.trashed_at IS NULL"
# bm25's weights favour these columns; the proposed order puts their hits first.
TOP_COLUMNS = "{headline sapo officials keywords}"
MIN_PREFIX = 3


def snippet_sql(table: str) -> str:
    return f"snippet({table}, -1, '[', ']', '…', 16)"


def newest_sql(table: str = T, where_sql: str = LIVE) -> str:
    return (
        f"SELECT f.rowid, {snippet_sql(table)} FROM {table} f JOIN articles a ON a.pk = f.rowid "
        f"WHERE {table} MATCH :q {where_sql} ORDER BY f.rowid DESC LIMIT :limit"
    )


def proposed_fts_search(
    conn: Connection, match: str, limit: int, where_sql: str = LIVE, table: str = T
) -> list[sqlite.SearchRow]:
    """Proposed fts_search: hits in headline, sapo, officials or keywords first, then the rest,
    newest (highest pk) first within each. FTS5 hands rows over in rowid order, so the work
    stops at `limit` rows, and snippet() and the JOIN run for those rows only."""
    sql = text(newest_sql(table, where_sql))
    rows = list(conn.execute(sql, {"q": f"{TOP_COLUMNS} : ({match})", "limit": limit}))
    if len(rows) < limit:
        seen = {r[0] for r in rows}
        more = conn.execute(sql, {"q": match, "limit": limit + len(rows)})
        rows += [r for r in more if r[0] not in seen][: limit - len(rows)]
    return [sqlite.SearchRow(int(pk), float(i), str(snip)) for i, (pk, snip) in enumerate(rows)]


def proposed_match(query: str, prefix_last: bool = False) -> str | None:
    """build_match_query, except that while typing a last word shorter than MIN_PREFIX letters
    is left out (a 1-2 letter prefix expands to most of the vocabulary)."""
    s = query.strip()
    if prefix_last and not (len(s) > 1 and s.startswith('"') and s.endswith('"')):
        tokens = re.findall(r"\w+", fold(query))
        if tokens and len(tokens[-1]) < MIN_PREFIX:
            return sqlite.build_match_query(" ".join(tokens[:-1])) if len(tokens) > 1 else None
    return sqlite.build_match_query(query, prefix_last=prefix_last)


def proposed_search(
    session: Session, query: str, limit: int = 20, prefix: bool = False
) -> list[tuple[str, str, str, float]]:
    """search_repo.search with the proposed match and SQL: (id, headline, snippet, rank)."""
    match = proposed_match(query, prefix)
    if match is None or limit <= 0:
        return []
    rows = proposed_fts_search(session.connection(), match, limit)
    if not rows:
        return []
    found = {
        pk: (aid, headline)
        for pk, aid, headline in session.execute(
            select(ArticleRow.pk, ArticleRow.id, ArticleRow.headline).where(
                ArticleRow.pk.in_([r.pk for r in rows])
            )
        )
    }
    return [(*found[r.pk], r.snippet, r.rank) for r in rows if r.pk in found]


def count_sql(table: str) -> str:
    return f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"


def variants(conn: Connection) -> dict[str, Callable[[str], list[Any]]]:
    """Shapes of the search SQL, each taking a query as typed; rows start with the pk."""
    s = snippet_sql(T)
    join = "JOIN articles a ON a.pk = f.rowid"
    m = f"{T} MATCH :q"
    bm = f"bm25({T}, {W})"
    rank_cfg = f"AND f.rank MATCH 'bm25({W})'"
    cap = (
        f"AND f.rowid >= coalesce((SELECT rowid FROM {T} WHERE {T} MATCH :q "
        "ORDER BY rowid DESC LIMIT 1 OFFSET 1999), 0)"
    )
    not_in = "AND f.rowid NOT IN (SELECT pk FROM articles WHERE trashed_at IS NOT NULL)"
    ranked = text(
        f"SELECT f.rowid, f.rank, {s} FROM {T} f {join} WHERE {m} {rank_cfg} {LIVE} "
        "ORDER BY f.rank LIMIT :limit"
    )
    newest = text(newest_sql())
    few = text(f"SELECT rowid FROM {T} WHERE {m} ORDER BY rowid DESC LIMIT 1 OFFSET 499")

    def run_sql(sql: str) -> Callable[[str], list[Any]]:
        stmt = text(sql)
        return lambda q: list(conn.execute(stmt, {"q": sqlite.build_match_query(q), "limit": 20}))

    def narrow_bm25(q: str) -> list[Any]:
        p = {"q": sqlite.build_match_query(q), "limit": 20}
        narrow = conn.execute(few, p).first() is None
        return list(conn.execute(ranked if narrow else newest, p))

    return {
        "current fts_search": lambda q: [
            (r.pk,) for r in sqlite.fts_search(conn, sqlite.build_match_query(q) or "", 20, LIVE)
        ],
        "  without snippet()": run_sql(
            f"SELECT f.rowid, {bm} AS rank FROM {T} f {join} WHERE {m} {LIVE} "
            "ORDER BY rank LIMIT :limit"
        ),
        "  without snippet() and JOIN": run_sql(
            f"SELECT f.rowid FROM {T} f WHERE {m} ORDER BY {bm} LIMIT :limit"
        ),
        "  count(*) of matches only": run_sql(count_sql(T)),
        "trashed via NOT IN (partial index)": run_sql(
            f"SELECT f.rowid, {bm} AS rank, {s} FROM {T} f WHERE {m} {not_in} "
            "ORDER BY rank LIMIT :limit"
        ),
        "ORDER BY rank column (FTS5 sorts)": run_sql(
            f"SELECT f.rowid, f.rank, {s} FROM {T} f {join} WHERE {m} {rank_cfg} {LIVE} "
            "ORDER BY f.rank LIMIT :limit"
        ),
        "  … among the newest 2,000 matches": run_sql(
            f"SELECT f.rowid, f.rank, {s} FROM {T} f {join} WHERE {m} {rank_cfg} {LIVE} {cap} "
            "ORDER BY f.rank LIMIT :limit"
        ),
        "bm25 if < 500 matches, else newest": narrow_bm25,
        "newest first (rowid DESC)": run_sql(newest_sql()),
        "PROPOSED: top columns, then newest": lambda q: [
            (r.pk,) for r in proposed_fts_search(conn, sqlite.build_match_query(q) or '""', 20)
        ],
        "(b) folded table, proposed shape": lambda q: [
            (r.pk,)
            for r in proposed_fts_search(conn, folded_match(q) or '""', 20, table=FOLD_TABLE)
        ],
    }


def plan(conn: Connection, sql: str) -> str:
    rows = conn.execute(text("EXPLAIN QUERY PLAN " + sql), {"q": '"x"', "limit": 20}).all()
    return "; ".join(str(r[-1]) for r in rows)


# --- the run -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Full-text search benchmark (see the docstring).")
    ap.add_argument("--articles", type=int, help="how many articles (default 100,000)")
    ap.add_argument("--quick", action="store_true", help="5,000 articles, 15 queries a kind")
    ap.add_argument("--queries", type=int, help="queries a kind (default 40)")
    ap.add_argument("--like", type=int, help="LIKE scans a kind (default 3)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="build in this folder (emptied first) and keep it")
    ap.add_argument("--hostile", action="store_true", help="only hostile queries, before/after")
    ap.add_argument("--timeout", type=float, default=120.0, help="stop a 'before' query (s)")
    args = ap.parse_args(argv)
    n = args.articles or (5000 if args.quick else 100_000)
    nq = args.queries or (15 if args.quick else 40)
    n_like = args.like or 3

    log(
        f"editor_app search benchmark: {n:,} articles, {nq} queries a kind; SQLite "
        f"{sqlite3.sqlite_version}, Python {platform.python_version()}, {os.cpu_count()} CPUs "
        f"({platform.machine()}); every query run once, in the same order, on a warm OS cache"
    )
    if args.keep:
        data_dir = args.keep
        shutil.rmtree(data_dir, ignore_errors=True)
    else:
        data_dir = Path(tempfile.mkdtemp(prefix="editor-bench-search-"))
    db = Database.open(data_dir)
    try:
        if args.hostile:
            return run_hostile(db, n, args.seed, args.timeout)
        return run(db, n, nq, n_like, args.seed)
    finally:
        db.close()
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


def uncapped_match(query: str, prefix_last: bool = False) -> str | None:
    """build_match_query as it was before issue 20: every word, repeats included, searched."""
    tokens = re.findall(r"\w+", fold(query))
    if not tokens:
        return None
    s = query.strip()
    if len(s) > 1 and s.startswith('"') and s.endswith('"') and len(tokens) > 1:
        spellings: list[list[str]] = [[]]
        for tok in tokens:
            alts = sqlite._variants(tok)
            spellings = [[*p, v] for p in spellings for v in alts][: sqlite._VARIANT_LIMIT]
        return " OR ".join('"' + " ".join(p) + '"' for p in spellings)
    if prefix_last and len(tokens[-1]) < MIN_PREFIX:
        tokens, prefix_last = tokens[:-1], False
    parts = []
    for i, tok in enumerate(tokens):
        star = "*" if prefix_last and i == len(tokens) - 1 else ""
        alts = [f'"{v}"{star}' for v in sqlite._variants(tok)]
        parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def run_hostile(db: Database, n: int, seed: int, timeout_s: float) -> int:
    """Issue 20, point 9: pasted 32,767-character queries, before and after the caps; a query
    with many d (each searched as d or đ) is the costliest a user could write within them."""
    import threading

    corpus = Corpus(seed)
    corpus.make_pool(max(20_000, n * 4))
    log(f"\n== Filling the store and indexing ({db.data_dir})")
    fill(db, corpus, n)
    t = time.perf_counter()
    with db.transaction() as s:
        search_repo.reindex_dirty(s)
    log(f"  {n:,} articles indexed in {time.perf_counter() - t:.0f} s")
    box = 32767  # QLineEdit's maxLength: the most a paste into the search box holds
    mixed = " ".join(w.lower() for w in corpus.words[:6000])
    syllables = dict.fromkeys(x for w in corpus.words[:3000] for x in w.lower().split())
    with_d = " ".join([x for x in syllables if fold(x).startswith("d")][:40])
    queries = {
        "one word repeated (đảng)": ("đảng " * box)[:box],
        "four words repeated": ("hội nghị đảng bộ " * box)[:box],
        "the same, as a phrase": '"' + ("hội nghị đảng bộ " * box)[: box - 2] + '"',
        "different words": mixed[:box],
        "40 words with d/đ (not repeated)": with_d,
        "the same, as a phrase ": f'"{with_d}"',
    }
    rows = []
    with db.read() as session:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        for label, q in queries.items():
            before = uncapped_match(q, prefix_last=True)
            assert before is not None
            stop = threading.Timer(timeout_s, raw.interrupt)
            stop.start()
            t = time.perf_counter()
            try:
                sqlite.fts_search(session.connection(), before, 200)
                before_s = f"{time.perf_counter() - t:,.1f} s"
            except Exception:  # interrupted: slower than the timeout
                session.rollback()
                before_s = f"> {timeout_s:.0f} s"
            finally:
                stop.cancel()
            t = time.perf_counter()
            hits = search_repo.search(session, q, limit=200, prefix=True)
            after_ms = (time.perf_counter() - t) * 1000
            after = sqlite.build_match_query(q, prefix_last=True) or ""
            terms = len(before.split(" AND ")), len(after.split(" AND "))
            rows.append(
                [
                    label,
                    f"{len(q):,}",
                    f"{terms[0]:,}",
                    before_s,
                    terms[1],
                    f"{after_ms:.0f} ms",
                    len(hits),
                ]
            )
    headers = ["query", "chars", "AND terms", "before", "AND terms", "after", "hits"]
    table(headers, rows)
    return 0


def run(db: Database, n: int, nq: int, n_like: int, seed: int) -> int:
    started = time.perf_counter()
    corpus = Corpus(seed)
    corpus.make_pool(min(400_000, max(20_000, n * 4)))

    # 1. rows
    log(f"\n== Filling the store: bulk Core inserts, one transaction ({db.data_dir})")
    gen_s, ins_s = fill(db, corpus, n)
    ins_s += checkpoint(db)
    with db.engine.connect() as conn:
        photos = conn.execute(text("SELECT count(*) FROM photos")).scalar_one()
        words = conn.execute(
            text(
                "SELECT avg(length(headline) - length(replace(headline, ' ', '')) + 1), "
                "avg(length(sapo) - length(replace(sapo, ' ', '')) + 1), "
                "avg(length(body) - length(replace(body, ' ', '')) + 1) FROM articles"
            )
        ).one()
    log(
        f"  generated {gen_s:.0f} s, inserted {ins_s:.0f} s; {photos:,} photos; words an "
        f"article: headline {words[0]:.0f}, sapo {words[1]:.0f}, body {words[2]:.0f}"
    )
    size_rows = os.path.getsize(db.path)

    # 2. (a) the real index build
    log("\n== (a) Index build: search_repo.reindex_dirty (the real code path, one transaction)")
    in_fts = 0.0
    real_replace = sqlite.fts_replace

    def timed_replace(conn: Connection, rows: Any) -> None:
        nonlocal in_fts
        t = time.perf_counter()
        real_replace(conn, rows)
        in_fts += time.perf_counter() - t

    sqlite.fts_replace = timed_replace
    try:
        t = time.perf_counter()
        with db.transaction() as s:
            indexed = search_repo.reindex_dirty(s)
            build_s = time.perf_counter() - t
            t = time.perf_counter()
        commit_s = time.perf_counter() - t
    finally:
        sqlite.fts_replace = real_replace
    ck_a = checkpoint(db)
    size_a = os.path.getsize(db.path)
    log(
        f"  {indexed:,} articles in {build_s:.0f} s ({indexed / build_s:,.0f}/s), of which "
        f"{in_fts:.0f} s in fts_replace and {build_s - in_fts:.0f} s loading rows and clearing "
        f"search_dirty;\n  then commit {commit_s:.1f} s, WAL checkpoint {ck_a:.1f} s"
    )

    # 3. (b) a folded shadow table
    log("\n== (b) Folded shadow FTS5 table: fold()ed text, same columns and tokenizer")
    with db.engine.connect() as conn:
        sample = list(conn.execute(text("SELECT body FROM articles LIMIT 20")).scalars())
    t = time.perf_counter()
    same = all(fold(b) == fast_fold(b) for b in sample)
    fold_one = (time.perf_counter() - t) / len(sample)
    fold_s, fins_s = build_folded(db)
    ck_b = checkpoint(db)
    size_b = os.path.getsize(db.path)
    log(
        f"  folding {fold_s:.0f} s with a translate table (equal to fold(): {same}; fold() "
        f"itself takes {fold_one * 1000:.1f} ms a body,\n  ~{fold_one * n:.0f} s for all), FTS "
        f"insert {fins_s:.0f} s (executemany), checkpoint {ck_b:.1f} s"
    )

    # 4. sizes
    log("\n== Sizes (dbstat; a table's indexes counted with it)")
    raw = sizes(db)
    fts_a, fts_b = fts_parts(raw, T), fts_parts(raw, FOLD_TABLE)
    art = raw.get("articles", 0)
    other = sum(v for k, v in raw.items() if k != "articles" and not k.startswith("articles_"))

    def fts_row(label: str, parts: dict[str, int]) -> list[str]:
        total = sum(parts.values())
        return [
            label,
            mb(parts.get("data", 0) + parts.get("idx", 0)),
            mb(parts.get("content", 0)),
            mb(parts.get("docsize", 0) + parts.get("config", 0)),
            mb(total),
            f"{total / art:.2f}×",
        ]

    table(
        ["table", "index", "text copy", "docsize", "total", "÷ articles"],
        [
            ["articles (+ its indexes)", "", "", "", mb(art), "1.00×"],
            fts_row(f"(a) {T}", fts_a),
            fts_row(f"(b) {FOLD_TABLE}", fts_b),
            ["photos, officials, …", "", "", "", mb(other), ""],
        ],
    )
    log(f"  file: {mb(size_rows)} rows only, {mb(size_a)} with (a), {mb(size_b)} with (a) and (b)")

    sets = query_sets(corpus, nq, seed)
    cur: dict[str, list[float]] = {}
    new: dict[str, list[float]] = {}
    like_all: dict[str, float] = {}
    with db.read() as s:
        conn = s.connection()
        for q in [q for qs in sets.values() for q in qs[:2]]:  # warm up
            search_repo.search(s, q, limit=20)
            proposed_search(s, q, limit=20)

        # 5. latency through the repository
        log("\n== Search latency, ms: search_repo.search(session, q, limit=20) now, and the same")
        log("   queries through the proposed SQL (matches: median share of articles matched)")
        t0 = time.perf_counter()
        rows_out = []
        for kind, qs in sets.items():
            share = (
                p50(
                    [
                        conn.execute(
                            text(count_sql(T)), {"q": sqlite.build_match_query(q)}
                        ).scalar_one()
                        for q in qs
                    ]
                )
                / n
            )
            for marks in (True, False):
                qq = qs if marks else [fold(q) for q in qs]
                key = f"{kind}|{marks}"
                cur[key], _ = timed(lambda q: search_repo.search(s, q, limit=20), qq)
                new[key], _ = timed(lambda q: proposed_search(s, q, limit=20), qq)
                rows_out.append(
                    [
                        kind,
                        "yes" if marks else "no",
                        qq[0] + (" …" if len(qq) > 1 else ""),
                        len(qq),
                        f"{share:.0%}",
                        f"{p50(cur[key]):.1f}",
                        f"{pct(cur[key], 95):.1f}",
                        f"{p50(new[key]):.1f}",
                        f"{pct(new[key], 95):.1f}",
                    ]
                )
        table(
            ["queries", "marks", "e.g.", "n", "matches", "now p50", "p95", "proposed p50", "p95"],
            rows_out,
        )
        log(
            "  With or without marks the MATCH is the same (the query is folded first), so the\n"
            f"  two rows differ by noise only. [{time.perf_counter() - t0:.0f} s]"
        )

        # 6. LIKE
        log(
            f"\n== LIKE '%…%' over headline OR sapo OR body, trashed excluded; {n_like} queries a "
            "kind (with marks), ms"
        )
        t0 = time.perf_counter()
        like_rows = []
        for kind, qs in sets.items():
            sample_q = qs[:: max(1, len(qs) // n_like)][:n_like]
            newest_t, _ = timed(
                lambda q: conn.execute(text(like_sql(True)), {"p": like_pattern(q)}).all(),
                sample_q,
            )
            all_t, counts = timed(
                lambda q: conn.execute(text(like_sql(False)), {"p": like_pattern(q)}).scalar(),
                sample_q,
            )
            fts_counts = [
                conn.execute(text(count_sql(T)), {"q": sqlite.build_match_query(q)}).scalar()
                for q in sample_q
            ]
            like_all[kind] = p50(all_t)
            now, prop = p50(cur[f"{kind}|True"]), p50(new[f"{kind}|True"])
            like_rows.append(
                [
                    kind,
                    f"{p50(newest_t):.0f}",
                    f"{like_all[kind]:.0f}",
                    f"{now:.1f}",
                    f"{like_all[kind] / now:.0f}×",
                    f"{prop:.1f}",
                    f"{like_all[kind] / prop:.0f}×",
                    f"{p50([float(c or 0) for c in counts]):.0f}",
                    f"{p50([float(c or 0) for c in fts_counts]):.0f}",
                ]
            )
        table(
            [
                "queries",
                "LIKE newest 20",
                "LIKE all",
                "FTS now",
                "faster",
                "proposed",
                "faster",
                "LIKE finds",
                "FTS finds",
            ],
            like_rows,
        )
        log(
            "  'LIKE all' is the full scan a ranked search needs (the ratios use it); 'LIKE "
            "newest 20'\n  walks the updated_at index and stops at 20 hits: instant for common "
            "words, a full scan for rare ones.\n  LIKE folds ASCII case only: 'Đảng' ≠ 'đảng', "
            f"'dang' ≠ 'đảng', so it finds less. [{time.perf_counter() - t0:.0f} s]"
        )

        # 7. the đ choice
        log(
            "\n== The đ choice: (a) original text, d → (d OR đ)  vs  (b) folded copy, plain "
            "tokens; no-marks queries, ms"
        )
        t0 = time.perf_counter()
        ab_rows = []
        n_slow = min(nq, 15)
        for kind, qs in sets.items():
            qq = [fold(q) for q in qs]
            ta, _ = timed(
                lambda q: sqlite.fts_search(conn, sqlite.build_match_query(q) or "", 20, LIVE),
                qq[:n_slow],
            )
            cur_b = text(
                f"SELECT f.rowid, bm25({FOLD_TABLE}, {W}) AS rank, {snippet_sql(FOLD_TABLE)} "
                f"FROM {FOLD_TABLE} f JOIN articles a ON a.pk = f.rowid "
                f"WHERE {FOLD_TABLE} MATCH :q {LIVE} ORDER BY rank LIMIT 20"
            )
            tb, _ = timed(
                lambda q, sql=cur_b: list(conn.execute(sql, {"q": folded_match(q)})),  # type: ignore[misc]
                qq[:n_slow],
            )
            pa, _ = timed(
                lambda q: proposed_fts_search(conn, sqlite.build_match_query(q) or "", 20), qq
            )
            pb, _ = timed(
                lambda q: proposed_fts_search(conn, folded_match(q) or "", 20, table=FOLD_TABLE),
                qq,
            )
            ca = [
                conn.execute(text(count_sql(T)), {"q": sqlite.build_match_query(q)}).scalar()
                for q in qq[:5]
            ]
            cb = [
                conn.execute(text(count_sql(FOLD_TABLE)), {"q": folded_match(q)}).scalar()
                for q in qq[:5]
            ]
            ab_rows.append(
                [
                    kind,
                    f"{p50(ta):.1f} / {pct(ta, 95):.0f}",
                    f"{p50(tb):.1f} / {pct(tb, 95):.0f}",
                    f"{p50(pa):.1f} / {pct(pa, 95):.1f}",
                    f"{p50(pb):.1f} / {pct(pb, 95):.1f}",
                    "yes" if ca == cb else f"NO {ca} {cb}",
                ]
            )
        table(
            [
                "queries",
                "now (a) p50/p95",
                "now (b)",
                "proposed (a) p50/p95",
                "proposed (b)",
                "same matches",
            ],
            ab_rows,
        )
        ia = fts_a.get("data", 0) + fts_a.get("idx", 0)
        ib = fts_b.get("data", 0) + fts_b.get("idx", 0)
        log(
            f"  'now' columns over the first {n_slow} queries of a kind. Size: (a) "
            f"{mb(sum(fts_a.values()))} ({mb(ia)} index); (b) adds {mb(sum(fts_b.values()))} "
            f"({mb(ib)} index + {mb(fts_b.get('content', 0))} folded text).\n  Build: (a) "
            f"fts_replace {in_fts:.0f} s; (b) {fins_s:.0f} s insert + {fold_s:.0f} s folding "
            f"(fold() as written: ~{fold_one * n:.0f} s). [{time.perf_counter() - t0:.0f} s]"
        )

    # 8. where the time goes
    with db.engine.begin() as conn:  # bench only: what a migration would add for NOT IN
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS bench_ix_articles_trashed ON articles(trashed_at) "
                "WHERE trashed_at IS NOT NULL"
            )
        )
    log("\n== Where the time goes: other SQL shapes on the slow kinds (no-marks queries), ms")
    t0 = time.perf_counter()
    with db.read() as s:
        conn = s.connection()
        probes = {
            "common 1-word": [fold(q) for q in sets["1 word, common"]],
            "2-word phrase": [fold(q) for q in sets['2 words "phrase"'][:20]],
        }
        base: dict[str, list[set[int]]] = {}
        inv_rows = []
        for label, fn in variants(conn).items():
            row: list[Any] = [label]
            overlaps = []
            for key, qs in probes.items():
                times, res = timed(fn, qs)
                pks = [{int(r[0]) for r in x} for x in res]
                if not base.get(key):
                    base[key] = pks
                overlaps += [
                    len(a & b) / max(1, len(a)) for a, b in zip(base[key], pks, strict=True)
                ]
                row += [f"{p50(times):.1f}", f"{pct(times, 95):.1f}"]
            row.append("—" if "count" in label or "(b)" in label else f"{p50(overlaps):.0%}")
            inv_rows.append(row)
        table(
            ["SQL shape", "common p50", "p95", "phrase p50", "p95", "top 20 as now"],
            inv_rows,
        )
        log(
            "  'top 20 as now': median share of the current top 20 that a shape returns (100%: "
            "same rows).\n  Plans:\n"
            f"    now:      {plan(conn, variants_sql_now())}\n"
            f"    proposed: {plan(conn, newest_sql())}\n"
            f"  [{time.perf_counter() - t0:.0f} s]"
        )

        # 9. as you type
        typed = "dương đức huy"
        keys = [typed[: i + 1] for i in range(len(typed)) if typed[i] != " "]
        now_t, _ = timed(lambda q: search_repo.search(s, q, limit=200, prefix=True), keys)
        new_t, _ = timed(lambda q: proposed_search(s, q, limit=200, prefix=True), keys)
        log(
            "\n== As you type (the GUI: prefix on the last word, limit 200), key by key, ms\n"
            + "\n".join(
                f"  {k!r:17} now {a:6.0f}   proposed {b:5.0f}"
                for k, a, b in zip(keys, now_t, new_t, strict=True)
            )
            + f"\n  now p50 {p50(now_t):.0f} max {max(now_t):.0f}; proposed p50 {p50(new_t):.0f} "
            f"max {max(new_t):.0f} (a last word under {MIN_PREFIX} letters is left out)"
        )

    # 10. the goals
    log(f"\n== Goals (set for 100,000 articles; this run has {n:,})")

    def worst(d: dict[str, list[float]], kinds: Sequence[str]) -> float:
        return max(p50(v) for k, v in d.items() if k.split("|")[0] in kinds)

    multi = [k for k in sets if k[0] in "23"]
    goals = [
        ("multi-word p50 ≤ 15 ms", multi, 15.0),
        ("single word p50 ≤ 40 ms", ["1 word"], 40.0),
        ("  common single words", ["1 word, common"], 40.0),
    ]
    rows_g = []
    for label, kinds, limit in goals:
        a, b = worst(cur, kinds), worst(new, kinds)
        rows_g.append(
            [
                label,
                f"{a:.1f} ms",
                "yes" if a <= limit else "no",
                f"{b:.1f} ms",
                "yes" if b <= limit else "no",
            ]
        )
    r_now = min(like_all[k] / p50(cur[f"{k}|True"]) for k in sets)
    r_new = min(like_all[k] / p50(new[f"{k}|True"]) for k in sets)
    rows_g.append(
        [
            "≥ 20× faster than LIKE",
            f"{r_now:.0f}×",
            "yes" if r_now >= 20 else "no",
            f"{r_new:.0f}×",
            "yes" if r_new >= 20 else "no",
        ]
    )
    table(["goal (worst kind)", "now", "met", "proposed", "met"], rows_g)
    log(f"Total {time.perf_counter() - started:.0f} s")
    return 0


def variants_sql_now() -> str:
    return (
        f"SELECT f.rowid, bm25({T}, {W}) AS rank, {snippet_sql(T)} FROM {T} f "
        f"JOIN articles a ON a.pk = f.rowid WHERE {T} MATCH :q {LIVE} ORDER BY rank LIMIT :limit"
    )


if __name__ == "__main__":
    sys.exit(main())
