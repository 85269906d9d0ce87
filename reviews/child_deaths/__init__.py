"""The Child Death Overview Panel: a case per child death (never the child's name), the
agencies' reporting forms, the panel's analysis and recommendations, the year's statistics
with small numbers suppressed, and the board's list of areas of residence."""
