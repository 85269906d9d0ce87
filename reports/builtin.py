"""The built-in report templates. A board copies one (services.template_copy_builtin)
and edits its copy; these lists are never changed in place by a board.

Each entry is (section type, title, config). The type "subgroup_report" with config
{"each": True} becomes one section per sub-group of the board when copied."""

EACH_SUBGROUP = {"each": True}

ANNUAL_REVIEW = {
    "name": "Annual review (full)",
    "description": "The shape of Croydon's 2014/15 annual review: foreword, context, budget, "
    "business plan, structure, a report from each sub-group, reviews, child deaths, "
    "priorities and glossary.",
    "sections": [
        ("contents", "Contents", {}),
        ("narrative", "Foreword", {}),
        ("narrative", "Sufficiency statement", {}),
        ("narrative", "Statutory framework", {}),
        ("narrative", "Executive summary", {}),
        ("dataset", "Local context", {"indicators": "", "chart": True}),
        ("budget", "Budget", {}),
        ("business_plan", "Business plan and achievements", {}),
        ("membership", "Board structure and membership", {}),
        ("subgroup_report", "Sub-group reports", EACH_SUBGROUP),
        ("scr", "Serious case reviews", {}),
        ("cdop", "Child deaths", {}),
        ("audits", "Quality assurance: audits", {}),
        ("section11", "Section 11 self-assessments", {}),
        ("inspections", "Inspections", {}),
        ("training", "Learning and development", {}),
        ("narrative", "Private fostering", {}),
        ("narrative", "LADO overview", {}),
        ("priorities", "Key issues and priorities for next year", {}),
        ("narrative", "Conclusion", {}),
        ("glossary", "Glossary", {}),
    ],
}

SHORT_REVIEW = {
    "name": "Strengths, areas for development and work programme",
    "description": "A shorter report: what is working, what needs to improve, and the "
    "board's work programme for the coming year.",
    "sections": [
        ("contents", "Contents", {}),
        ("narrative", "Introduction from the independent chair", {}),
        ("strengths", "Strengths and areas for development", {}),
        ("dataset", "Key figures", {"indicators": "", "chart": True}),
        ("calendar", "Work programme and meeting calendar", {}),
        ("priorities", "Priorities for next year", {}),
        ("glossary", "Glossary", {}),
    ],
}

# Working Together 2023: what the partnership did and how effective it was, with the
# contents its checklist asks for (reports/yearly/checklist.py reads these titles).
PARTNERSHIP_YEARLY = {
    "name": "Yearly report (safeguarding children partnership)",
    "kind": "partnership",
    "description": "The safeguarding partners' yearly report (Working Together 2023): what "
    "the partnership did and how effective it was, its practice reviews, the actions on "
    "review recommendations, the impact of training, areas of little or no progress, "
    "children's and families' views, the lead partners' sign-off and the independent "
    "scrutineer's assessment.",
    "sections": [
        ("contents", "Contents", {}),
        ("narrative", "Foreword from the lead safeguarding partners", {}),
        ("narrative", "What the partnership did and how effective it was", {}),
        ("scr", "Child safeguarding practice reviews", {}),
        ("narrative", "Decisions and actions on local and national review recommendations", {}),
        ("training", "The impact of training", {}),
        ("narrative", "Areas of little or no progress", {}),
        ("narrative", "How children's and families' views were used", {}),
        ("dataset", "Key figures", {"indicators": "", "chart": True}),
        ("priorities", "Priorities for next year", {}),
        ("glossary", "Glossary", {}),
    ],
}

BUILTIN_TEMPLATES = {
    "annual-review": ANNUAL_REVIEW,
    "short-review": SHORT_REVIEW,
    "partnership-yearly": PARTNERSHIP_YEARLY,
}
