"""A locked-down web page for the preview: no JavaScript in the content, no network, links not
followed. One profile (off the record) for every preview, living as long as the application."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWidgets import QApplication

#: Schemes the preview may load: the page itself (setHtml), local renditions, nothing else.
LOCAL_SCHEMES = frozenset({"file", "data", "about", "qrc", "blob"})

_profile: QWebEngineProfile | None = None
_interceptor: LocalOnly | None = None
_prepared = False


class LocalOnly(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not local (http, https, ftp, ws…); remembers them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme().lower() not in LOCAL_SCHEMES:
            info.block(True)
            self.blocked.append(url.toString())
            del self.blocked[:-50]


def prepare_rendering() -> None:
    """Qt Quick, which composites the web view, draws in software. With OpenGL, once the
    preview had been shown every key typed anywhere in the window recomposited it through
    OpenGL: 13–17 ms a key on a display without a hardware driver (a virtual machine, a
    remote desktop, an office PC on a software driver, Xvfb), enough to lose letters typed
    15 ms apart; in software 1–3 ms (benchmarks/typing_keys.py). The preview is a static page:
    software draws it as fast as it is needed. Call before the first web view."""
    global _prepared
    if not _prepared:
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
    _prepared = True


def preview_profile() -> QWebEngineProfile:
    """The previews' profile (off the record, network blocked), made on first use."""
    global _profile, _interceptor
    if _profile is None:
        _profile = QWebEngineProfile(QApplication.instance())
        _profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        _interceptor = LocalOnly(_profile)  # kept here: the profile does not own it
        _profile.setUrlRequestInterceptor(_interceptor)
    return _profile


def interceptor() -> LocalOnly:
    preview_profile()
    assert _interceptor is not None
    return _interceptor


class PreviewPage(QWebEnginePage):
    """The page: content scripts off (our own scroll restore runs in the application world),
    links not followed (the preview is not a browser)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(preview_profile(), parent)
        s = self.settings()
        s.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        s.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadIconsForPage, False)

    def acceptNavigationRequest(
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        return type != QWebEnginePage.NavigationType.NavigationTypeLinkClicked
