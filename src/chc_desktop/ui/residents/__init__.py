"""The residents area: list, search, editor."""
