"""Figures and text of the demo board, taken from Croydon LSCB's published reports in
../shared/reference/. The budget tables are also the budget tests' fixtures."""

# 2013/14 annual report, "2013/14 OUTTURN": (heading, item, budget, outturn). The text
# copy lost two figures under Operating activities: Subscriptions/Memberships shows only
# its variance (-1,800) and Printing nothing. They are recovered from the published heading
# totals (87,478 / 72,667) and that variance: 1,800 / 0 and 28,078 / 13,674.
EXPENDITURE_2013 = [
    ("Employee cost", "Board Chair", 20_300, 20_700),
    ("Employee cost", "Business Manager", 56_142, 95_402),
    ("Employee cost", "Quality Assurance Officer", 49_434, 0),
    ("Employee cost", "Training Manager", 51_635, 0),
    ("Employee cost", "Interim Consultant", 0, 74_630),
    ("Professional business activities", "Serious Case Reviews", 72_500, 74_270),
    ("Professional business activities", "CSCB Website", 0, 12_011),
    ("Training", "Internal Training", 1_000, 1_490),
    ("Training", "External Training", 16_800, 17_454),
    ("Operating activities", "Subscriptions / Memberships", 1_800, 0),
    ("Operating activities", "Support Charges", 57_600, 58_993),
    ("Operating activities", "Printing, office supplies and other", 28_078, 13_674),
]
# "FUNDED BY": (agency name or source, kind, budget, actual). The report prints income in
# brackets; here income is positive and the transfer to earmarked reserves (printed without
# brackets) negative. The asylum-seekers recharge's budget is lost in the text; its
# variance is 0, so its budget equals its outturn.
INCOME_2013 = [
    ("Croydon Clinical Commissioning Group", "contribution", 15_415, 21_100),
    ("Croydon Health Services NHS Trust", "contribution", 15_415, 21_100),
    ("South London and Maudsley NHS Foundation Trust", "contribution", 9_371, 12_827),
    ("Metropolitan Police Service", "contribution", 6_000, 5_000),
    ("CAFCASS", "contribution", 0, 550),
    ("General", "other", 0, 550),
    ("National Probation Service", "contribution", 1_100, 2_000),
    ("Recharge for asylum seekers activities", "other", 94_400, 94_400),
    ("Croydon Children's Social Care", "contribution", 213_589, 213_589),
    ("Local authority funding (earmarked reserve brought forward)", "reserves", 0, 90_000),
    ("Transfer to and from earmarked reserves", "reserves", 0, -89_000),
]

# 2014/15 annual review, "7. Budget": actual figures only (no budget column was published).
INCOME_2014 = [
    ("Croydon Children's Social Care", 264_112),  # "Local authority"
    ("Croydon Clinical Commissioning Group", 33_850),
    ("Croydon Health Services NHS Trust", 33_850),
    ("South London and Maudsley NHS Foundation Trust", 13_540),
    ("Metropolitan Police Service", 5_000),
    ("CAFCASS", 550),
    ("National Probation Service", 2_000),
]
EXPENDITURE_2014 = [
    ("Staffing", 197_258),
    ("Serious Case Reviews", 65_940),
    ("Training", 26_387),
    ("Audits", 15_920),
    ("Return Home Interviews start-up", 23_000),
    ("Support charges", 22_255),
]

# 2014/15 annual review, "8. Business Plan, achievements and challenges in 2014-15":
# priority -> (we said, we did, impact, [(action, owner agency, status)]).
PLAN_2014 = [
    (
        "Improve the quality of safeguarding data, increase useful analysis and disseminate "
        "the information effectively",
        "A formal dataset agreed by the Executive with contributions from each agency.",
        "The dataset was established and populated; the May Board looked in groups at the "
        "issues behind the headline figures.",
        "Board members have had full and frank discussion about the reality of safeguarding "
        "in Croydon; an action plan now deals with caseloads in the assessment service.",
        [
            ("Agree the multi-agency dataset", "Croydon Children's Social Care", "complete"),
            (
                "Share the dataset with other South London Boards",
                "Croydon Children's Social Care",
                "on_track",
            ),
        ],
    ),
    (
        "Provide help directly to families at the earliest opportunity to prevent problems "
        "escalating",
        "Early intervention preventing later harm remains a Board priority.",
        "Early Help Pathways and the Domestic Abuse and Sexual Violence Strategy were "
        "published in 2014.",
        # The review prints "increased 23%"; 461 to 564 is 22.3%, so 22%.
        "Early help assessments rose by 22%, from 461 in 2013/14 to 564 in 2014/15.",
        [
            ("Use the Early Help Assessment to refer to MASH", "Croydon Early Help", "at_risk"),
            (
                "Monitor team around the family meetings",
                "Croydon Early Help",
                "off_track",
            ),
        ],
    ),
    (
        "Ensure that quality assurance improves outcomes for children",
        "Commission external and multi-agency audit alongside single-agency audit and "
        "Section 11 compliance.",
        "Three audits: Vulnerable Adolescents, MASH thresholds, and Pre-birth and Under One.",
        "Weaknesses in working with fathers before birth and in infancy are now a task for "
        "every agency.",
        [
            ("Complete the biennial Section 11 self-assessment", "Croydon Housing", "on_track"),
            (
                "Audit safeguarding of children with disabilities",
                "Croydon Children's Social Care",
                "not_started",
            ),
        ],
    ),
    (
        "Deliver an effective programme of training and work force development",
        "A new Learning and Development Plan (2014-2016), agreed in summer 2014.",
        "About 660 people from a range of agencies attended training between September 2014 "
        "and March 2015; 1,600 completed the introductory online training.",
        "Multi-agency learning and networking; evaluation now informs future courses.",
        [("Evaluate the impact of multi-agency training", "Croydon Schools", "on_track")],
    ),
]

# Board meetings of 2014/15, with an executive meeting and the development day.
MEETINGS_2014 = [
    ("board", (2014, 5, 15)),
    ("board", (2014, 7, 17)),
    ("development_day", (2014, 9, 25)),
    ("board", (2014, 10, 16)),
    ("executive", (2014, 11, 20)),
    ("board", (2015, 1, 22)),
    ("board", (2015, 3, 19)),
]
