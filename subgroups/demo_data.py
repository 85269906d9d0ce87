"""Narrative for the demo returns, paraphrased from the sub-group reports in Croydon's
2014/15 annual review (../shared/reference/croydon-lscb-annual-review-2014-15.txt).
Keys are the default questions; a quarter's answer is prefixed with what it covers."""

ACHIEVEMENTS = "Achievements and key issues"
CHILDREN = "Impact on children"
PRACTICE = "Impact on practice"
RISKS = "Risks and challenges"
THEMES = "Emerging themes and recommendations"

NARRATIVE = {
    "Serious Case Review": {
        ACHIEVEMENTS: "Oversaw two serious case reviews (Child M and Child P) to completion, "
        "agreed that three more be started, and shared learning in workshops on young people.",
        CHILDREN: "Learning from Child X led to a multi-agency audit of pre-birth planning "
        "and engaging fathers; Child M strengthened the missing children panel.",
        PRACTICE: "Every review has an action plan overseen by the sub-group, with a "
        "composite plan for each agency; the escalation policy was relaunched.",
        RISKS: "Criminal proceedings delay learning events; review costs are significant.",
        THEMES: "Compare review methods; publish key messages from reviews; promote "
        "professional curiosity as a Board theme for 2015/16.",
    },
    "Child Death Overview Panel": {
        ACHIEVEMENTS: "Presented the 2013/14 annual report and five-year analysis; revised "
        "the data collection forms for each agency; moved six years of records to the database.",
        CHILDREN: "Raised awareness with professionals of baby slings, dangerous dogs and "
        "co-sleeping.",
        PRACTICE: "Closer working with the coroner's office and the South West London panels "
        "improved the timeliness and quality of information for reviews.",
        RISKS: "Some agencies are still slow to return forms, delaying reviews beyond six months.",
        THEMES: "Finish piloting the revised forms with the remaining agencies; analyse all "
        "records for themes and trends.",
    },
    "Health": {
        ACHIEVEMENTS: "Membership reflects the range of health professionals in the borough; "
        "the work plan focuses on integrated working with commissioners and partners.",
        CHILDREN: "The vulnerable women's group improved planning for babies likely to be at risk.",
        PRACTICE: "Commissioners now attend to hear the findings of reviews and audits, so "
        "that commissioning intentions reflect them.",
        RISKS: "Capacity in adult mental health and CAMHS services.",
        THEMES: "FGM; work with under-ones and the role of fathers; oversight of single "
        "agency audits.",
    },
    "Education": {
        ACHIEVEMENTS: "Extended membership to the independent sector; supported a supervision "
        "pilot for designated safeguarding leads; a termly forum for all designated leads.",
        CHILDREN: "More referrals about physical abuse and neglect show schools are more "
        "aware of these issues and more willing to act.",
        PRACTICE: "Good take-up of PREVENT training after meetings with head teachers.",
        RISKS: "Child sexual exploitation reported by a number of education providers.",
        THEMES: "A safeguarding toolkit for all education settings; monitor training, "
        "referrals and the 2015 Section 11 audit.",
    },
}

# (sub-group, quarter number, state) for 2014/15: approved, submitted, returned, overdue
# (a draft or not started after its deadline), draft.
RETURNS = [
    ("Serious Case Review", 1, "approved"),
    ("Serious Case Review", 2, "approved"),
    ("Serious Case Review", 3, "approved"),
    ("Serious Case Review", 4, "submitted"),
    ("Child Death Overview Panel", 1, "approved"),
    ("Child Death Overview Panel", 2, "approved"),
    ("Child Death Overview Panel", 3, "returned"),
    ("Child Death Overview Panel", 4, "draft"),
    ("Health", 1, "approved"),
    ("Health", 2, "submitted"),
    ("Health", 3, "returned"),
    ("Health", 4, "not_started"),
    ("Education", 1, "approved"),
    ("Education", 2, "approved"),
    ("Education", 3, "submitted"),
    ("Education", 4, "draft"),
]
