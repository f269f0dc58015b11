"""The window's language: chosen, loaded (ours and Qt's own translations) and made the locale.

The language is --lang if given, else the one chosen in View › Language (kept in the
settings), else the system's (QLocale.system(), which reads LANG/LC_ALL on Linux). A
language with no translation here falls back to English. The change takes effect at the
next start: every widget is built with its words once.
"""

from __future__ import annotations

import logging
import re
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
FOLDER = "i18n"  # ui/i18n: treaty_tracker_<language>.ts and .qm
PREFIX = "treaty_tracker_"
# Each language's own name for itself, as the Language menu lists it.
NATIVE_NAMES = {"en": "English", "ru": "Русский"}


def i18n_folder() -> Path:
    return Path(str(resources.files("ui").joinpath(FOLDER)))


def available_languages() -> list[str]:
    """The languages with a compiled translation shipped (English always)."""
    found = {path.stem.removeprefix(PREFIX) for path in i18n_folder().glob(f"{PREFIX}*.qm")}
    return sorted(found | {SOURCE_LANGUAGE})


def language_of(locale: QLocale) -> str:
    """'ru' for ru_RU; '' for the C locale, which names no language."""
    if locale.language() == QLocale.Language.C:
        return ""
    return locale.name().split("_")[0]


def choose_language(option: str | None, setting: str | None, system: QLocale) -> str:
    """--lang, else the setting, else the system's language; English if none is shipped.

    The command line wins over the saved setting, as command-line options do: a one-off
    `--lang en` must not need the settings changed.
    """
    shipped = available_languages()
    # The system's display languages in the user's order (LANGUAGE, LC_MESSAGES, LANG on
    # Linux; the account's display language on Windows and macOS), then its formats'.
    for wanted in (option, setting, *system.uiLanguages(), language_of(system)):
        code = normal_code(wanted)
        if code in shipped:
            return code
    return SOURCE_LANGUAGE


def normal_code(wanted: str | None) -> str:
    """'ru' for 'ru', 'RU', 'ru_RU' or 'ru-RU.UTF-8'; '' for nothing."""
    return (wanted or "").strip().replace("-", "_").split(".")[0].split("_")[0].lower()


def locale_for(language: str, system: QLocale) -> QLocale:
    """The locale dates and numbers follow: the system's when it speaks *language*
    (en_GB stays British), else the language's own (ru: Russia; en: the United States)."""
    if language_of(system) == language:
        return system
    return QLocale(language)


_PLACE = re.compile(r"%(\d)")


def fill(text: str, *values: object) -> str:
    """Qt's QString.arg for Python: '%1 on %2' with each %N replaced by the Nth value, in one
    pass (a value that itself holds '%2' is left as it is)."""
    return _PLACE.sub(lambda found: str(values[int(found.group(1)) - 1]), text)


class Translations:
    """The translators installed on the application, kept so they are not collected."""

    def __init__(self, language: str, translators: list[QTranslator]) -> None:
        self.language = language
        self.translators = translators


def install(app: QCoreApplication, language: str, system: QLocale | None = None) -> Translations:
    """Load *language* for the app's words and Qt's own (standard buttons, dialogs), and
    make its locale the default for dates and numbers."""
    system = system or QLocale.system()
    QLocale.setDefault(locale_for(language, system))
    translators = []
    loaded = []
    for name, folder in (
        (f"{PREFIX}{language}", i18n_folder()),
        (f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
    ):
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            translators.append(translator)
            loaded.append(name)
        elif language != SOURCE_LANGUAGE:
            log.warning("Translation %s not found in %s", name, folder)
    log.info("Translations loaded: %s", ", ".join(loaded) or "none")
    return Translations(language, translators)


def uninstall(app: QCoreApplication, translations: Translations) -> None:
    """Remove what install() put in (tests switch language within one application)."""
    for translator in translations.translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


_current: dict[int, Translations] = {}  # per application: the language in use
_changes = [0]  # how many times the language was set: lets callers cache translated tables


def generation() -> int:
    """A number that changes whenever use_language() installs a language."""
    return _changes[0]


def use_language(app: QCoreApplication, language: str, system: QLocale | None = None) -> str:
    """Make *language* the application's, in place of the one used so far; returns it."""
    previous = _current.pop(id(app), None)
    if previous is not None:
        uninstall(app, previous)
    _current[id(app)] = install(app, language, system)
    _changes[0] += 1
    return language
