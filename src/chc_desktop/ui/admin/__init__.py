"""Administration: users and settings (administrators only)."""
