"""How the board checks the agencies' work: multi-agency and single-agency audits with
their rating scale, findings and re-audits; Section 11 self-assessments, cycle by cycle;
and inspections with their judgements and recommendations."""
