"""The data layer: models, engine and units of work, change capture, migrations, search index.

Nothing outside store/ builds engines or runs SQL (calibre's rule: one data layer with its own API).
"""
