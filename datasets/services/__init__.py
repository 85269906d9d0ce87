"""Writes and computations of the datasets app. Other apps use:

- `observation_upsert` (observations.py): write one figure (a sub-group return's figures).
- `snapshot_refresh`, `mark_stale` (snapshots.py): rebuild or flag a board's dashboard;
  `refresh_stale` rebuilds the stale (board, year) snapshots and no other, and
  `mark_every_year_stale` starts a full rebuild (`manage.py rebuild_snapshots`).
- `import_preview`, `import_apply`, `write_table` (imports.py), `export_observations` and
  `export_import_problems` (exports.py).

Every writer of figures compares with what is stored under `lock_board_figures`
(observations.py), so writers of the same figures at the same moment take turns.
"""
