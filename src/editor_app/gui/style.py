"""The look: a calm, readable UI with a font that has every Vietnamese glyph; follows the
system's light or dark palette."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

UI_FONTS = ("Segoe UI", "Noto Sans", "Inter", "Roboto", "DejaVu Sans", "Arial")
TEXT_FONTS = ("Noto Serif", "Cambria", "Georgia", "DejaVu Serif", "Times New Roman")


def first_available(candidates: tuple[str, ...]) -> str | None:
    families = set(QFontDatabase.families())
    return next((f for f in candidates if f in families), None)


def is_dark() -> bool:
    pal = QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def apply(app: QApplication) -> None:
    family = first_available(UI_FONTS)
    font = QFont(family) if family else app.font()
    font.setPointSizeF(max(10.0, app.font().pointSizeF()))
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet(is_dark()))


def stylesheet(dark: bool) -> str:
    border = "#3a3f47" if dark else "#d5d9df"
    muted = "#9aa3ad" if dark else "#5f6b7a"
    accent = "#4c8dff" if dark else "#1a5fd0"
    panel = "#1f2227" if dark else "#f5f6f8"
    return f"""
    QWidget#storyPanel, QWidget#metaPanel, QScrollArea#metaScroll {{ background: {panel}; }}
    QLineEdit, QPlainTextEdit, QComboBox, QDateEdit {{
        border: 1px solid {border}; border-radius: 6px; padding: 5px 7px;
    }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus {{
        border: 1px solid {accent};
    }}
    QPlainTextEdit#headlineEdit {{ font-size: 18pt; font-weight: 600; background: palette(base); }}
    QPlainTextEdit#sapoEdit {{ font-weight: 600; }}
    QLabel#headlineLabel, QLabel#sapoLabel, QLabel#bodyLabel, QLabel#sectionLabel,
    QLabel#keywordsLabel, QLabel#bylineLabel, QLabel#locationLabel {{
        color: {muted}; font-size: 9pt; font-weight: 600; margin-top: 6px;
    }}
    QLabel#headlineHint, QLabel#sapoHint, QLabel#listInfo, QLabel#metaInfo {{
        color: {muted}; font-size: 9pt;
    }}
    QLabel[warn="true"] {{ color: #c0392b; }}
    QLabel#emptyLabel {{ color: {muted}; font-size: 12pt; }}
    QTableView {{ border: 1px solid {border}; border-radius: 6px; }}
    QHeaderView::section {{ padding: 4px 6px; border: none; border-bottom: 1px solid {border}; }}
    QSplitter::handle {{ background: {border}; }}
    QSplitter::handle:horizontal {{ width: 1px; }}
    QStatusBar QLabel {{ padding: 0 8px; color: {muted}; }}
    """
