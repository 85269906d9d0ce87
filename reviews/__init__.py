"""The board's reviews and assurance, as three Django apps that share only core/ and board/:

- child_deaths: the Child Death Overview Panel (notifications, agency forms, the panel's
  analysis, statistics);
- case_reviews: serious case reviews and their successors, and how long records are kept;
- assurance: multi-agency audits, Section 11 self-assessments and inspections.

`reviews` itself is installed only for its migrations: the three apps' tables were made by
them before the split, and reviews/migrations/0009 hands the models over (see there)."""
