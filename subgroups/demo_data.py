"""Narrative for the demo returns, paraphrased from the sub-group reports in Croydon's
2014/15 annual review (../shared/reference/croydon-lscb-annual-review-2014-15.txt).
Keys are the default questions; each answer is a list by quarter (Q1 first), so that each
approved return tells that quarter's part of the year's work rather than repeating one
text. A quarter beyond the list (a return not yet approved) reuses the last answer."""

ACHIEVEMENTS = "Achievements and key issues"
CHILDREN = "Impact on children"
PRACTICE = "Impact on practice"
RISKS = "Risks and challenges"
THEMES = "Emerging themes and recommendations"

NARRATIVE = {
    "Serious Case Review": {
        ACHIEVEMENTS: [
            "Oversaw two serious case reviews (Child M and Child P) towards completion; "
            "families were engaged in both and their views reflected in the reports.",
            "Agreed that three serious case reviews be initiated, each with a different "
            "model: a SCIE review, a SILP review and a hybrid with management reviews.",
            "Oversaw the joint management review with LB Merton; the Learning and "
            "Development chair became a standing member of the sub-group.",
        ],
        CHILDREN: [
            "Learning from Child X led to a multi-agency audit of pre-birth planning and "
            "engaging fathers.",
            "Child M's review strengthened the multi-agency missing children panel and "
            "plans for every missing child.",
            "Return home interviews for missing children began with the NSPCC, a project "
            "the Board assisted after Child M's review.",
        ],
        PRACTICE: [
            "Every review has an action plan overseen by the sub-group, with a composite "
            "plan for each agency.",
            "The escalation policy was relaunched: agencies escalate concerns quickly when "
            "not satisfied.",
            "Reflective supervision is now available to every social work practitioner, "
            "as earlier reviews recommended.",
        ],
        RISKS: [
            "Criminal proceedings delay learning events.",
            "Three reviews at once stretch the sub-group and the budget.",
            "Serious case reviews are a significant cost; the sub-group will monitor it.",
        ],
        THEMES: [
            "Compare the review methods and when each should be recommended.",
            "Publish key messages from reviews to every agency.",
            "Promote professional curiosity as a Board theme for 2015/16.",
        ],
    },
    "Child Death Overview Panel": {
        ACHIEVEMENTS: [
            "Presented the 2013/14 annual report and five-year analysis of child deaths to "
            "the Board; revised the data collection forms for each agency.",
            "Moved six years of written records to the electronic database; reviewed the "
            "terms of reference of the panel and of rapid response meetings.",
        ],
        CHILDREN: [
            "Raised awareness with professionals of baby slings, dangerous dogs and co-sleeping.",
            "Began an analysis of sudden unexpected deaths in infancy, including "
            "co-sleeping, for a multi-agency action plan.",
        ],
        PRACTICE: [
            "Visited the coroner's office to support the timely return of information.",
            "Worked with the single points of contact in South West London and attended the "
            "London CDOP chairs' meetings to share learning.",
        ],
        RISKS: [
            "Some agencies are still slow to return forms, delaying reviews beyond six months.",
            "Small numbers in one borough hide trends that London-wide data can show.",
        ],
        THEMES: [
            "Finish piloting the revised forms with the remaining agencies.",
            "Monitor the Board's dashboard indicator of reviews completed within six months.",
        ],
    },
    "Health": {
        ACHIEVEMENTS: [
            "The GP case reflection model is now used by most practices; two audits show "
            "more referrals to MASH and early help.",
        ],
        CHILDREN: [
            "The vulnerable women's group improved planning for babies likely to be at risk.",
        ],
        PRACTICE: [
            "Commissioners now attend to hear the findings of reviews and audits, so "
            "that commissioning intentions reflect them.",
        ],
        RISKS: ["Waiting times for children's mental health services."],
        THEMES: [
            "Female genital mutilation: a project consultant funded by the CCG will lead a "
            "whole-system approach.",
        ],
    },
    "Education": {
        ACHIEVEMENTS: [
            "Extended membership to the independent sector; a termly forum for all "
            "designated safeguarding leads.",
            "Supported a supervision pilot for designated safeguarding leads in schools.",
        ],
        CHILDREN: [
            "More referrals about physical abuse and neglect show schools are more aware "
            "of these issues and more willing to act.",
            "Education providers reporting child sexual exploitation took up training "
            "so that pupils are identified, supported and referred.",
        ],
        PRACTICE: [
            "Good take-up of PREVENT training after meetings with head teachers.",
            "From September 2015 every school names a lead for domestic and sexual violence.",
        ],
        RISKS: [
            "Child sexual exploitation may be under-reported by education providers.",
            "Many referrals from schools are not accepted by MASH.",
        ],
        THEMES: [
            "A safeguarding toolkit for all education settings.",
            "Monitor training, referrals and the 2015 Section 11 audit of schools.",
        ],
    },
    "Quality Assurance Practice and Performance": {
        ACHIEVEMENTS: [
            "Oversaw the new quality assurance framework and published the audit of 73 "
            "vulnerable adolescents.",
            "Co-ordinated the MASH threshold audit and a training needs analysis of "
            "social workers and managers.",
        ],
        CHILDREN: [
            "Young people asked for earlier help to prevent family breakdown.",
            "Key performance indicators for missing children and child sexual "
            "exploitation are now reported.",
        ],
        PRACTICE: [
            "Thresholds into children's social care were found to be generally appropriate.",
            "The MASH audit led to a joint audit of police powers of protection.",
        ],
        RISKS: [
            "Turnover of staff makes a steady standard of practice hard to sustain.",
            "The sub-group's wide portfolio; the executive group will review it.",
        ],
        THEMES: [
            "Identify and engage fathers; intervene earlier before birth and with under-ones.",
            "Audit the safeguarding of children with disabilities in 2015/16.",
        ],
    },
    "Learning and Development": {
        ACHIEVEMENTS: [
            "Agreed an evaluation framework and a minimum question set, evaluating each "
            "course at its end and some months later.",
            "Began the serious case review workshops for managers, strategic leads and "
            "practitioners, using local and national cases.",
        ],
        CHILDREN: [
            "Staff say level 3 training keeps them focused on the child whatever the situation.",
            "Practitioners say they will be more inquisitive and more challenging of decisions.",
        ],
        PRACTICE: [
            "Training on engaging vulnerable young people was commissioned from the audit "
            "of vulnerable young people.",
            "Engaging men training followed the pre-birth and under-one audit.",
        ],
        RISKS: ["Uneven take-up of training across agencies."],
        THEMES: [
            "Better marketing of training to each sector; an induction day for new staff.",
            "Integrate early help training into the programme.",
        ],
    },
    "Editorial Board": {
        ACHIEVEMENTS: [
            "Brought the Board's website, launched in August 2014, up to standard and "
            "linked it from the council's site.",
            "A newsletter is produced shortly after every Board meeting.",
        ],
        CHILDREN: [
            "A young person's review of the children and young people's pages led to "
            "shorter, plainer text.",
            "The website promotes e-safety courses for parents and carers.",
        ],
        PRACTICE: [
            "Board members say their staff find the practice guidance, referral pathways "
            "and protocols on the website useful.",
            "The newsletter promotes training, conferences and key learning messages.",
        ],
        RISKS: ["The website's template limits changes to its layout."],
        THEMES: [
            "A communications strategy and wider distribution of the newsletter.",
            "Each newsletter to carry news from the Board and its sub-groups.",
        ],
    },
    "MASH – Multi Agency Safeguarding Hub": {
        ACHIEVEMENTS: [
            "Embedded the hub's work with health, police, social care, early help, "
            "probation and education; response times to contacts improved.",
            "Work on female genital mutilation pathways increased contacts about it; the "
            "professional consultation line is heavily used.",
        ],
        CHILDREN: [
            "The information shared gives a whole picture of each family, so the help "
            "offered is proportionate.",
            "The MASH audit found decision making sound, so vulnerable children are identified.",
        ],
        PRACTICE: [
            "MASH open days were well attended across partners.",
            "MASH and early help share a recording system and sit together.",
        ],
        RISKS: ["The consultation line's capacity for the volume of calls."],
        THEMES: [
            "Align the early help pathways and hub with the MASH process.",
            "Improve the online referral form and publicise what the MASH does.",
        ],
    },
    "Child Sexual Exploitation and Missing Children": {
        ACHIEVEMENTS: [
            "The Multi-Agency Sexual Exploitation panel reviews every child at risk of "
            "sexual exploitation; the missing children's strategy was agreed.",
            "Operation Raptor identified and protected the twenty young people of most "
            "concern; the CSE action plan was agreed by the Board.",
        ],
        CHILDREN: [
            "Return home interviews hear why children go missing: mostly relationships "
            "at home and boundaries in care.",
            "On National CSE Awareness Day the Board's stall advised parents on keeping "
            "children safe online.",
        ],
        PRACTICE: [
            "Social workers, foster carers, residential providers and hospital staff "
            "were trained on missing children.",
            "All pupil referral unit staff were trained in CSE awareness.",
        ],
        RISKS: [
            "Turnover of social work staff makes consistent recording hard.",
            "Interventions with boys and young men who harm remain embryonic.",
        ],
        THEMES: [
            "Link data on children missing education with missing children and CSE.",
            "A sexually harmful behaviours strategy; more young men presented at MASE.",
        ],
    },
}

# (sub-group, quarter number, state) for 2014/15: approved, submitted, returned, overdue
# (a draft or not started after its deadline), draft. Every sub-group the review reports
# on has at least one approved return; the Executive Steering Group sends none.
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
    ("Quality Assurance Practice and Performance", 1, "approved"),
    ("Quality Assurance Practice and Performance", 2, "approved"),
    ("Learning and Development", 2, "approved"),
    ("Learning and Development", 3, "approved"),
    ("Editorial Board", 2, "approved"),
    ("Editorial Board", 3, "approved"),
    ("MASH – Multi Agency Safeguarding Hub", 1, "approved"),
    ("MASH – Multi Agency Safeguarding Hub", 2, "approved"),
    ("Child Sexual Exploitation and Missing Children", 2, "approved"),
    ("Child Sexual Exploitation and Missing Children", 3, "approved"),
]
