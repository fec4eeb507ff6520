"""Translations. Source strings are Simplified Chinese (the default language); English comes from
resources/i18n/chc_en.ts, compiled to chc_en.qm at set-up:

    python -m chc_desktop.ui.i18n --update    refresh the .ts from the ui/ sources (pyside6-lupdate)
    python -m chc_desktop.ui.i18n --compile   .ts -> .qm (pyside6-lrelease); ./dev runs this
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from chc_desktop.config import resource

DEFAULT = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
I18N = resource("i18n")
SOURCES = Path(__file__).parent

_installed: list[QTranslator] = []


def _tool(name: str) -> str:
    """A PySide6 tool next to this Python (the venv's bin/ or Scripts/), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 into this environment")
    return found


def compile_translations(folder: Path = I18N) -> list[Path]:
    out = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def update_translations(folder: Path = I18N) -> None:
    files = [str(p) for p in sorted(SOURCES.rglob("*.py"))]
    for ts in sorted(folder.glob("*.ts")):
        subprocess.run(
            [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *files, "-ts", str(ts)], check=True
        )


def install(app: QCoreApplication, language: str) -> bool:
    """Use ``language`` from now on: our strings and Qt's own (dialog buttons…). Chinese needs no
    file for ours (the source strings are Chinese). Returns False if a translation was missing."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ok = True
    if language == DEFAULT:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_names = ["qtbase_zh_CN"]
    else:
        QLocale.setDefault(QLocale(language))
        ours = QTranslator(app)
        ok = ours.load(str(I18N / f"chc_{language}.qm"))
        if ok:
            app.installTranslator(ours)
            _installed.append(ours)
        qt_names = [f"qtbase_{language}"]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in qt_names:
        qt = QTranslator(app)
        if qt.load(name, qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CHC Desktop translations")
    parser.add_argument("--compile", action="store_true", help="compile .ts to .qm (pyside6-lrelease)")
    parser.add_argument(
        "--update", action="store_true", help="refresh .ts from the sources (pyside6-lupdate)"
    )
    args = parser.parse_args(argv)
    if not (args.update or args.compile):
        parser.print_help()
        return 2
    if args.update:
        update_translations()
    if args.compile:
        for qm in compile_translations():
            print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
