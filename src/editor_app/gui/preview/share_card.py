"""The share cards in the preview dock: the story as Facebook and Zalo show a shared link (the
picture, the outlet's domain, the title and the description, from the page's Open Graph tags),
before it is published. Facebook shows the picture at 1.91:1, cut from the middle of the 16:9
`og:image`; Zalo shows it at 16:9 (services/share_card.py). A part of `PreviewDock`
(`PreviewShareCards`) and its widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor_app.services.share_card import ShareCard, share_card

if TYPE_CHECKING:
    from editor_app.gui.preview.dock import PreviewDock

FACEBOOK_RATIO = 1.91
ZALO_RATIO = 16 / 9
CARD_WIDTH = 500  # the widest a card is drawn (a news feed's width)


class SharePicture(QWidget):
    """The card's picture: the middle of the 16:9 image at the card's ratio, the card's width."""

    def __init__(self, ratio: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ratio = ratio
        self.pixmap: QPixmap | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width / self.ratio)

    def source_rect(self) -> QRectF:
        """The part of the image shown: its middle at the card's ratio."""
        assert self.pixmap is not None
        w, h = self.pixmap.width(), self.pixmap.height()
        if w / max(1, h) > self.ratio:
            cw = h * self.ratio
            return QRectF((w - cw) / 2, 0, cw, h)
        ch = w / self.ratio
        return QRectF(0, (h - ch) / 2, w, ch)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = QRectF(0, 0, self.width(), self.heightForWidth(self.width()))
        if self.pixmap is None or self.pixmap.isNull():
            painter.fillRect(target, QColor("#dfe3e8"))
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(
                target,
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("PreviewDock", "No featured photo"),
            )
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, self.pixmap, self.source_rect())
        painter.end()


class ShareCardView(QFrame):
    """One network's card: picture, then the texts as that network lays them out."""

    def __init__(self, network: str, ratio: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network = network
        self.setObjectName(f"shareCard{network}")
        self.setMaximumWidth(CARD_WIDTH)
        self.setStyleSheet(
            f"#shareCard{network} {{ background: #f0f2f5; border: 1px solid #ccd0d5; }}"
            " QLabel { background: transparent; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(2)
        self.picture = SharePicture(ratio, self)
        layout.addWidget(self.picture)
        self.domain = QLabel(self)
        self.title = QLabel(self)
        self.description = QLabel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.title.setFont(bold)
        for label in (self.domain, self.title, self.description):
            label.setWordWrap(True)
            label.setContentsMargins(10, 0, 10, 0)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.domain.setStyleSheet("color: #606770;")
        self.description.setStyleSheet("color: #606770;")
        # Facebook: DOMAIN, title, description; Zalo: title, description, domain.
        order = [self.domain, self.title, self.description]
        if network == "Zalo":
            order = [self.title, self.description, self.domain]
        for label in order:
            layout.addWidget(label)

    def set_card(self, card: ShareCard | None) -> None:
        pixmap = QPixmap()
        if card is not None and card.image and pixmap.loadFromData(card.image):
            self.picture.pixmap = pixmap
        else:
            self.picture.pixmap = None
        self.picture.setAccessibleName(card.alt if card is not None else "")
        self.picture.update()
        domain = card.domain if card is not None else ""
        self.domain.setText(domain.upper() if self.network == "Facebook" else domain)
        self.title.setText(card.title if card is not None else "")
        description = card.description if card is not None else ""
        if len(description) > 160:
            description = description[:159] + "…"
        self.description.setText(description)


class ShareCards(QScrollArea):
    """Both cards, one above the other, each under its network's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareCards")
        self.setWidgetResizable(True)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 12, 16, 12)
        self.cards: dict[str, ShareCardView] = {}
        for network, ratio in (("Facebook", FACEBOOK_RATIO), ("Zalo", ZALO_RATIO)):
            heading = QLabel(network, inner)
            heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
            layout.addWidget(heading)
            card = ShareCardView(network, ratio, inner)
            layout.addWidget(card)
            self.cards[network] = card
        note = QLabel(
            QCoreApplication.translate(
                "PreviewDock", "As the networks show the story's address once it is published."
            ),
            inner,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(note)
        layout.addStretch(1)
        self.setWidget(inner)
        self.card: ShareCard | None = None

    def set_card(self, card: ShareCard | None) -> None:
        self.card = card
        for view in self.cards.values():
            view.set_card(card)


class PreviewShareCards:
    """The dock's share cards (mixed into `PreviewDock`; the `misc` ignores: see
    `PreviewExport`)."""

    def _build_share(self: PreviewDock, bar: QToolBar, layout: QVBoxLayout) -> None:  # type: ignore[misc]
        self.share_action = QAction(
            QCoreApplication.translate("PreviewDock", "Share card"), bar, checkable=True
        )
        self.share_action.setObjectName("shareCardAction")
        self.share_action.setToolTip(
            QCoreApplication.translate(
                "PreviewDock", "Show the story as Facebook and Zalo show a link"
            )
        )
        self.share_action.toggled.connect(self.show_share)
        # Beside the page's two widths, before Export: last in the bar, a dock as wide as
        # a 1280×720 laptop gives hid it behind the toolbar's overflow arrow.
        first_gap = next((a for a in bar.actions() if a.isSeparator()), None)
        bar.insertAction(first_gap, self.share_action)  # type: ignore[arg-type]
        self.share_view = ShareCards(self)
        self.share_view.hide()
        layout.addWidget(self.share_view, 1)
        self._share_generation = 0

    def show_share(self: PreviewDock, on: bool) -> None:  # type: ignore[misc]
        self._holder.setVisible(not on)
        self.share_view.setVisible(on)
        if on:
            self.refresh_share()
        elif self._stale:
            self.refresh()

    def refresh_share(self: PreviewDock) -> None:  # type: ignore[misc]
        """The cards of the open story, made on the dock's worker."""
        self._share_generation += 1
        generation, article_id = self._share_generation, self.article_id
        if article_id is None:
            self.share_view.set_card(None)
            return
        export = self.ws.export

        def done(card: ShareCard) -> None:
            if generation == self._share_generation:
                self.share_view.set_card(card)
                self.rendered.emit()

        self.worker.submit(lambda: share_card(export, article_id), done, self._share_failed)

    def _share_failed(self: PreviewDock, error: BaseException) -> None:  # type: ignore[misc]
        self.status.setText(
            QCoreApplication.translate("PreviewDock", "Preview not updated: {error}").format(
                error=error
            )
        )
