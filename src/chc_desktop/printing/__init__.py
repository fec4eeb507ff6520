"""Printing the standardized forms: declarative templates in ``forms/`` (TOML), laid out and drawn
to PDF with reportlab and the bundled CJK font (``resources/fonts``), so a page looks the same on
every machine."""
