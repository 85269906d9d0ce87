"""Learning and development: the year's courses and sessions, the attendees per course and
agency with row, column and grand totals computed from the same cells, and the average
evaluation scores at the end of each session and at follow-up, rounded half-up (board
app, board.selectors.training.year_summary). Every figure comes from the
attendance recorded for each session, never from a typed total."""

from board.selectors.training import year_summary

from .registry import SectionType, register


def gather(report, section) -> dict:
    summary = year_summary(report.board, report.year)
    # "rows" is the key the approval checks look for to see the section has content.
    return {
        "agencies": [agency.name for agency in summary.agencies],
        "rows": [
            {
                "title": row.course.title,
                "level": row.course.get_level_display(),
                "delivery": row.course.get_delivery_display(),
                "sessions": row.sessions,
                "cells": row.cells,
                "total": row.total,
                "average_end": row.average_end_score,
                "average_follow_up": row.average_follow_up_score,
            }
            for row in summary.rows
        ],
        "sessions": sum(row.sessions for row in summary.rows),
        "column_totals": summary.column_totals,
        "total": summary.total,
        "average_end": summary.average_end_score,
        "average_follow_up": summary.average_follow_up_score,
    }


register(
    SectionType(
        "training",
        "Learning and development",
        gather,
        description="Courses, sessions, attendees by course and agency, evaluation scores.",
    )
)
