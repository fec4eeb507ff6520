"""Offline work and sync with the centre's hub (DESIGN.md, Sync; docs/sync.md)."""
