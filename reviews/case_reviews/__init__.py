"""Serious case reviews and their successors (learning reviews, rapid reviews, child
safeguarding practice reviews): the register from notification to publication, the
statutory clocks, panels, lessons and their dissemination, action plans, and how long the
board keeps these records and the child death panel's (retention)."""
