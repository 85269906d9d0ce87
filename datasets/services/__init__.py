"""Writes and computations of the datasets app. Other apps use:

- `observation_upsert` (observations.py): write one figure (a sub-group return's figures).
- `snapshot_refresh`, `mark_stale` (snapshots.py): rebuild or flag a board's dashboard.
- `import_preview`, `import_apply` (imports.py), `export_observations` (exports.py).
"""
