"""Shared plumbing with no models and no knowledge of any app: the one exporter, the one
PDF pipeline, and (as the layout work moves them here) the GOV.UK form helpers, paging and
number formatting. Everything else may import `core`; `core` imports no app of ours."""
