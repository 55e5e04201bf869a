"""The composition of services over one open data folder (built by app.py or the CLI)."""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from editor_app.services.articles import ArticleService
from editor_app.services.identity import IdentityService
from editor_app.services.lint import LintService
from editor_app.services.maintenance import MaintenanceService
from editor_app.services.officials import OfficialService
from editor_app.services.publishing import PublishingService
from editor_app.services.review import ReviewService
from editor_app.services.search import SearchService
from editor_app.services.sections import SectionService
from editor_app.services.site_setup import SiteSetupService
from editor_app.services.siteconfig import SiteLoad, default_config, load_site, site_settings
from editor_app.store.database import Database
from editor_app.store.errors import DatabaseCorrupt, DatabaseReadOnly, DataFolderLocked, DiskFull

if TYPE_CHECKING:
    from editor_app.services.export import ExportService
    from editor_app.services.handoff import HandoffService
    from editor_app.services.importing import ImportService
    from editor_app.services.photos import PhotoService
    from editor_app.services.spelling import SpellChecker

APP_NAME = "editor_app"
DATA_DIR_ENV = "EDITOR_APP_DATA_DIR"


def default_data_dir() -> Path:
    """`EDITOR_APP_DATA_DIR`, else the user's data folder (e.g. ~/.local/share/editor_app)."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class Workspace:
    """Everything the GUI and the CLI call, over one data folder."""

    def __init__(self, db: Database, site: SiteLoad | None = None) -> None:
        """`site`: the site configuration in effect (None: the built-in defaults)."""
        self.db = db
        self.site = site if site is not None else SiteLoad(default_config())
        self.articles = ArticleService(db)
        self.search = SearchService(db)
        self.sections = SectionService(db)
        self.officials = OfficialService(db)
        self.lint = LintService(db, self.officials, self.site.config)
        self.maintenance = MaintenanceService(db)
        self.review = ReviewService(db)
        self.publishing = PublishingService(db)
        self.identity = IdentityService(db.data_dir)
        self.site_setup = SiteSetupService(db, self.officials)
        self._scratch: Path | None = None
        if not db.read_only:  # temp files of a killed photo copy or rendition (~10 ms)
            self.maintenance.sweep_media()

    @cached_property
    def importing(self) -> ImportService:
        from editor_app.services.importing import ImportService  # loads the image libraries

        return ImportService(self.db)

    @cached_property
    def photos(self) -> PhotoService:
        from editor_app.services.photos import PhotoService  # loads the image libraries

        return PhotoService(self.db)

    @cached_property
    def export(self) -> ExportService:
        """Preview and export (loads the renderer and the image libraries on first use)."""
        from editor_app.services.export import ExportService

        config = self.site.config
        service = ExportService(
            self.db,
            self.articles,
            self.officials,
            self.lint,
            site=site_settings(config),
            folder=config.export_folder.value,
            publishing=self.publishing,
        )
        if self.db.read_only:
            self._read_only_renditions(service)
        return service

    def _read_only_renditions(self, service: ExportService) -> None:
        """Nothing is written into a folder opened to read (it may be read-only, or its disk
        full): renditions are made in a temporary folder (removed at close) that reaches the
        originals through a link."""
        from editor_app.media.cache import RenditionCache

        scratch = Path(tempfile.mkdtemp(prefix="editor_app-renditions-"))
        self._scratch = scratch
        originals = service.cache.library.originals.absolute()
        try:
            (scratch / originals.name).symlink_to(originals, target_is_directory=True)
        except OSError:  # no symbolic links here (Windows without the right): the folder's own
            return
        service.cache = RenditionCache(scratch)

    @cached_property
    def handoff(self) -> HandoffService:
        """Sending and receiving `.story.zip` packages (loads the image libraries on use)."""
        from editor_app.services.handoff import HandoffService

        return HandoffService(self.db)

    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        site: SiteLoad | None = None,
        read_only: bool = False,
        or_read_only: bool = False,
    ) -> Workspace:
        """Opens the data folder. `site`: the site configuration in effect (None: this PC's,
        from `EDITOR_APP_SITE_CONFIG` or the platform file, else the defaults). `read_only`:
        for work that only reads (see `Database.open`). `or_read_only`: as a writer when the
        folder can be written (and no one else writes it), else as a reader."""
        folder = data_dir or default_data_dir()
        if or_read_only and not read_only:
            try:
                db = Database.open(folder)
            except (DataFolderLocked, DatabaseReadOnly, DiskFull, DatabaseCorrupt) as refusal:
                db = Database.open(folder, read_only=True)
                db.writer_refusal = refusal  # what a write asked of this reader will say
        else:
            db = Database.open(folder, read_only=read_only)
        return cls(db, load_site() if site is None else site)

    @property
    def user_words_path(self) -> Path:
        """The words this user added to the spelling dictionary."""
        return self.db.data_dir / "user_words.txt"

    def load_spell_checker(self) -> SpellChecker:
        """The Vietnamese dictionary (bundled with the app, else the system's) and the user's
        own words. Slow: call it off the UI thread."""
        from editor_app.paths import resource
        from editor_app.services.spelling import SpellChecker

        return SpellChecker.load([resource("dictionaries")], user_words_path=self.user_words_path)

    def save_user_words(self, checker: SpellChecker) -> None:
        checker.save_user_words(self.user_words_path)

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    def close(self) -> None:
        self.db.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
