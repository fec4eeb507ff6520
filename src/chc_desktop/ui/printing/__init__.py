"""Printing in the UI: the preview of a form (pages drawn by pdftoppm, zoom, print, save as PDF), the
打印 ▾ button the record screens carry, batch printing to one PDF, and the per-printer calibration."""
