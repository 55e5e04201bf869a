"""Full-text search benchmark (issue 2, item 7): the search as the code is, on a synthetic
archive — index build, sizes, latency, a LIKE scan for scale, typing, the goals.

    .venv/bin/python benchmarks/search.py                 # 100,000 articles: several minutes
    .venv/bin/python benchmarks/search.py --quick         # 5,000 articles, fewer queries
    .venv/bin/python benchmarks/search.py --articles 20000 --queries 50 --keep /tmp/bench

Builds synthetic Vietnamese articles (~600 syllables each, Zipf-like word frequencies, tones
and đ, officials' names) in a temporary data folder through the real store (Database.open,
bulk Core inserts in one transaction, then store.repo.search.reindex_dirty timed on its own)
and prints:

  * index build time and sizes: the FTS table against the articles table (dbstat);
  * search latency p50/p95 through store.repo.search.search(session, q, limit=20) for one-,
    two- and three-word queries, with and without diacritics, as words and as quoted phrases,
    with the share of queries broad enough (sqlite.BROAD_MATCHES) to be listed newest first
    rather than ranked by bm25;
  * a LIKE '%…%' scan of the same data, for scale;
  * the GUI's as-you-type path (prefix on the last word, limit 200), key by key;
  * the goals set for 100,000 articles.

    .venv/bin/python benchmarks/search.py --hostile --articles 5000   # issue 20, point 9

prints only hostile queries (32,767 characters, the most the search box holds, of one word or
phrase repeated, and of different words) before the query caps (every word searched, as the
MATCH was built until issue 20) and after (store.repo.search.search as it is), in the same run.

Only the benchmark's own temporary database is changed. The SQL shapes once compared here, the
proposal docs/search.md describes and the folded shadow table (b) are no longer part of it
(issue 14): their last figures stay in docs/search.md.
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
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, text
from sqlalchemy.orm import Session

from editor_app.domain.text import fold
from editor_app.store import sqlite
from editor_app.store.database import Database
from editor_app.store.models import ArticleOfficialRow, ArticleRow, OfficialRow, PhotoRow
from editor_app.store.repo import search as search_repo
from editor_app.store.sessions import Sessions


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


def fill(db: Sessions, corpus: Corpus, n: int, batch: int = 2000) -> tuple[float, float]:
    """Inserts n articles (with photos and officials) in one transaction; (gen s, insert s).
    On either engine: a desk's Database or the server's ServerStore."""
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


def kind_runs(sets: dict[str, list[str]]) -> Iterator[tuple[str, bool, str, list[str]]]:
    """Each kind of query as typed with marks, then the same without: (kind, marks, the key
    of its figures "kind|marks", the queries)."""
    for kind, qs in sets.items():
        for marks in (True, False):
            yield kind, marks, f"{kind}|{marks}", qs if marks else [fold(q) for q in qs]


def row_head(kind: str, marks: bool, queries: Sequence[str]) -> list[Any]:
    """The first cells of a latency row: kind, marks, an example, how many queries."""
    return [
        kind,
        "yes" if marks else "no",
        queries[0] + (" …" if len(queries) > 1 else ""),
        len(queries),
    ]


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


T = sqlite.FTS_TABLE


def count_sql(table: str) -> str:
    return f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"


def matches(conn: Connection, q: str) -> int:
    """How many articles the query's MATCH finds (trashed ones included)."""
    match = sqlite.build_match_query(q)
    return int(conn.execute(text(count_sql(T)), {"q": match}).scalar_one()) if match else 0


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
    if prefix_last and len(tokens[-1]) < sqlite.MIN_PREFIX:
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


def make_corpus(n: int, seed: int) -> Corpus:
    """The corpus of a run of n articles (the same seed and n give the same articles)."""
    corpus = Corpus(seed)
    corpus.make_pool(min(400_000, max(20_000, n * 4)))
    return corpus


def run(db: Database, n: int, nq: int, n_like: int, seed: int) -> int:
    started = time.perf_counter()
    corpus = make_corpus(n, seed)
    size_rows = fill_step(db, corpus, n)
    build_step(db)
    size_step(db, size_rows)
    sets = query_sets(corpus, nq, seed)
    with db.read() as s:
        for q in [q for qs in sets.values() for q in qs[:2]]:  # warm up
            search_repo.search(s, q, limit=20)
        now = latency_step(s, sets, n)
        like_all = like_step(s.connection(), sets, n_like, now)
        typing_step(s)
    goals_step(sets, now, like_all, n)
    log(f"Total {time.perf_counter() - started:.0f} s")
    return 0


def fill_step(db: Database, corpus: Corpus, n: int) -> int:
    """1. The rows; returns the file's size with rows only."""
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
    return os.path.getsize(db.path)


def build_step(db: Database) -> None:
    """2. The index build, the real code path, with the time spent in fts_replace."""
    log("\n== Index build: store.repo.search.reindex_dirty (the real code path, one transaction)")
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
    log(
        f"  {indexed:,} articles in {build_s:.0f} s ({indexed / build_s:,.0f}/s), of which "
        f"{in_fts:.0f} s in fts_replace and {build_s - in_fts:.0f} s loading rows and clearing "
        f"search_dirty;\n  then commit {commit_s:.1f} s, WAL checkpoint {checkpoint(db):.1f} s"
    )


def size_step(db: Database, size_rows: int) -> None:
    """3. Sizes: the FTS table against the articles table."""
    log("\n== Sizes (dbstat; a table's indexes counted with it)")
    raw = sizes(db)
    fts = fts_parts(raw, T)
    art = raw.get("articles", 0)
    other = sum(v for k, v in raw.items() if k != "articles" and not k.startswith("articles_"))
    total = sum(fts.values())
    table(
        ["table", "index", "text copy", "docsize", "total", "÷ articles"],
        [
            ["articles (+ its indexes)", "", "", "", mb(art), "1.00×"],
            [
                T,
                mb(fts.get("data", 0) + fts.get("idx", 0)),
                mb(fts.get("content", 0)),
                mb(fts.get("docsize", 0) + fts.get("config", 0)),
                mb(total),
                f"{total / art:.2f}×",
            ],
            ["photos, officials, …", "", "", "", mb(other), ""],
        ],
    )
    log(f"  file: {mb(size_rows)} rows only, {mb(os.path.getsize(db.path))} with the index")


def latency_step(s: Session, sets: dict[str, list[str]], n: int) -> dict[str, list[float]]:
    """4. Latency through the repository, with and without marks; returns ms by kind|marks."""
    log("\n== Search latency, ms: store.repo.search.search(session, q, limit=20)")
    log(
        "   (matches: median share of articles matched; broad: share of queries with at least "
        f"{sqlite.BROAD_MATCHES} matches,\n   listed by column then newest first instead of "
        "ranked by bm25)"
    )
    t0 = time.perf_counter()
    conn = s.connection()
    now: dict[str, list[float]] = {}
    rows_out = []
    for kind, marks, key, qq in kind_runs(sets):
        if marks:
            counts = [matches(conn, q) for q in qq]
            broad = sum(c >= sqlite.BROAD_MATCHES for c in counts) / len(counts)
        now[key], _ = timed(lambda q: search_repo.search(s, q, limit=20), qq)
        rows_out.append(
            [
                *row_head(kind, marks, qq),
                f"{p50(counts) / n:.0%}",
                f"{broad:.0%}",
                f"{p50(now[key]):.1f}",
                f"{pct(now[key], 95):.1f}",
            ]
        )
    table(["queries", "marks", "e.g.", "n", "matches", "broad", "p50", "p95"], rows_out)
    log(
        "  With or without marks the MATCH is the same (the query is folded first), so the\n"
        f"  two rows differ by noise only. [{time.perf_counter() - t0:.0f} s]"
    )
    return now


def like_step(
    conn: Connection, sets: dict[str, list[str]], n_like: int, now: dict[str, list[float]]
) -> dict[str, float]:
    """5. A LIKE scan of the same data, for scale; returns its p50 (ms) by kind."""
    log(
        f"\n== LIKE '%…%' over headline OR sapo OR body, trashed excluded; {n_like} queries a "
        "kind (with marks), ms"
    )
    t0 = time.perf_counter()
    like_all: dict[str, float] = {}
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
        like_all[kind] = p50(all_t)
        fts = p50(now[f"{kind}|True"])
        like_rows.append(
            [
                kind,
                f"{p50(newest_t):.0f}",
                f"{like_all[kind]:.0f}",
                f"{fts:.1f}",
                f"{like_all[kind] / fts:.0f}×",
                f"{p50([float(c or 0) for c in counts]):.0f}",
                f"{p50([float(matches(conn, q)) for q in sample_q]):.0f}",
            ]
        )
    table(
        ["queries", "LIKE newest 20", "LIKE all", "search", "faster", "LIKE finds", "FTS finds"],
        like_rows,
    )
    log(
        "  'LIKE all' is the full scan a ranked search needs (the ratios use it); 'LIKE "
        "newest 20'\n  walks the updated_at index and stops at 20 hits: instant for common "
        "words, a full scan for rare ones.\n  LIKE folds ASCII case only: 'Đảng' ≠ 'đảng', "
        f"'dang' ≠ 'đảng', so it finds less. [{time.perf_counter() - t0:.0f} s]"
    )
    return like_all


def typing_step(s: Session) -> None:
    """6. As you type: the GUI's prefix search, key by key."""
    typed = "dương đức huy"
    keys = [typed[: i + 1] for i in range(len(typed)) if typed[i] != " "]
    times, _ = timed(lambda q: search_repo.search(s, q, limit=200, prefix=True), keys)
    log(
        "\n== As you type (the GUI: prefix on the last word, limit 200), key by key, ms\n"
        + "\n".join(f"  {k!r:17} {t:8.1f}" for k, t in zip(keys, times, strict=True))
        + f"\n  p50 {p50(times):.1f} max {max(times):.1f} (a last word under "
        f"{sqlite.MIN_PREFIX} letters is left out)"
    )


def goals_step(
    sets: dict[str, list[str]], now: dict[str, list[float]], like_all: dict[str, float], n: int
) -> None:
    """7. The goals, each for the worst kind of query it covers."""
    log(f"\n== Goals (set for 100,000 articles; this run has {n:,})")

    def worst(kinds: Sequence[str]) -> float:
        return max(p50(v) for k, v in now.items() if k.split("|")[0] in kinds)

    multi = [k for k in sets if k[0] in "23"]
    goals = [
        ("multi-word p50 ≤ 15 ms", multi, 15.0),
        ("single word p50 ≤ 40 ms", ["1 word"], 40.0),
        ("  common single words", ["1 word, common"], 40.0),
    ]
    rows = [
        [label, f"{worst(kinds):.1f} ms", "yes" if worst(kinds) <= limit else "no"]
        for label, kinds, limit in goals
    ]
    ratio = min(like_all[k] / p50(now[f"{k}|True"]) for k in sets)
    rows.append(["≥ 20× faster than LIKE", f"{ratio:.0f}×", "yes" if ratio >= 20 else "no"])
    table(["goal (worst kind)", "now", "met"], rows)


if __name__ == "__main__":
    sys.exit(main())
