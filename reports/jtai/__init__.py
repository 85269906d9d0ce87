"""The JTAI readiness pack: one click makes a bundle of the board's last six months (a
Joint Targeted Area Inspection looks at the last six months) as a PDF and a workbook,
built by a durable job (core/jobs). An app of its own inside the reports layer (label
"jtai"): it reads datasets, the assurance records and the board's tracker, as reports
does, and keeps its own table and migrations apart from the annual report's."""
