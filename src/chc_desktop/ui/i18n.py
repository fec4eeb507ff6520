"""Translations. Source strings are Simplified Chinese (the default language); English comes from
resources/i18n/chc_en.ts, compiled to .qm at set-up (``python -m chc_desktop.ui.i18n --compile``)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from chc_desktop.config import resource

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
I18N = resource("i18n")
SOURCES = Path(__file__).parent


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def compile_translations() -> list[Path]:
    out = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def update_translations() -> None:
    files = [str(p) for p in sorted(SOURCES.rglob("*.py"))]
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run([_tool("pyside6-lupdate"), "-silent", *files, "-ts", str(ts)], check=True)


def install(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the translation for ``language``; Chinese needs none (it is the source language)."""
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return None
    translator = QTranslator(app)
    if translator.load(str(I18N / f"chc_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translator
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description="CHC Desktop translations")
    parser.add_argument("--compile", action="store_true", help="compile .ts to .qm")
    parser.add_argument("--update", action="store_true", help="refresh .ts from the sources")
    args = parser.parse_args()
    if args.update:
        update_translations()
    if args.compile:
        compile_translations()


if __name__ == "__main__":
    main()
