"""Icons for the window's actions, from the style's own standard set (they follow the
platform's look and its light or dark mode; nothing to ship or license), and header sort
arrows that point the usual way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHeaderView,
    QMainWindow,
    QProxyStyle,
    QStyle,
    QStyleOptionHeader,
    QToolBar,
)

from ui.colours import readable_icon

SP = QStyle.StandardPixmap

# Action object name -> the standard icon that says what it does.
ACTION_ICONS = {
    "actionNew": SP.SP_FileIcon,
    "actionEdit": SP.SP_FileDialogDetailedView,
    "actionDuplicate": SP.SP_FileLinkIcon,
    "actionDelete": SP.SP_TrashIcon,
    "actionUndo": SP.SP_ArrowBack,
    "actionMerge": SP.SP_FileDialogContentsView,
    "actionImport": SP.SP_ArrowDown,
    "actionExport": SP.SP_ArrowUp,
    "actionExportPdf": SP.SP_DialogSaveButton,
    "actionExportFactSheet": SP.SP_FileDialogInfoView,
    "actionFind": SP.SP_FileDialogContentsView,
    "actionGoTo": SP.SP_ArrowForward,
    "actionClearFilters": SP.SP_DialogResetButton,
    "actionRefresh": SP.SP_BrowserReload,
    "actionNewDatabase": SP.SP_FileDialogNewFolder,
    "actionOpenDatabase": SP.SP_DialogOpenButton,
    "actionConnectTeamDatabase": SP.SP_DriveNetIcon,
    "actionQuit": SP.SP_DialogCloseButton,
    "actionShortcuts": SP.SP_MessageBoxQuestion,
    "actionAbout": SP.SP_MessageBoxInformation,
}


def apply(window: QMainWindow) -> None:
    """Give every known action its icon, and let the toolbar show text beside the icons
    where there is room (Qt drops the text when the toolbar runs short)."""
    style = window.style()
    for action in window.findChildren(QAction):
        pixmap = ACTION_ICONS.get(action.objectName())
        if pixmap is not None:
            action.setIcon(readable_icon(style.standardIcon(pixmap), window))
    for header in window.findChildren(QHeaderView):
        conventional_sort_arrows(header)
    for toolbar in window.findChildren(QToolBar):
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


class SortArrowStyle(QProxyStyle):
    """Header arrows as people read them: newest first (descending) points down.

    Qt marks an ascending column 'SortDown' and Fusion draws that as a down arrow, so
    under Fusion a newest-first column showed an up arrow; the native Windows and macOS
    styles already draw the usual way and are left alone.
    """

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            flipped = QStyleOptionHeader(option)
            indicator = QStyleOptionHeader.SortIndicator
            if option.sortIndicator == indicator.SortUp:
                flipped.sortIndicator = indicator.SortDown
            elif option.sortIndicator == indicator.SortDown:
                flipped.sortIndicator = indicator.SortUp
            option = flipped
        super().drawPrimitive(element, option, painter, widget)


def conventional_sort_arrows(header: QHeaderView) -> None:
    """Under Fusion, flip the header's arrows so descending points down."""
    if header.style().name().lower() == "fusion":
        style = SortArrowStyle(header.style().name())
        style.setParent(header)  # kept alive by the header: setStyle does not own it
        header.setStyle(style)
