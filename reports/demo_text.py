"""Narrative for the demo board's 2014/15 annual review, paraphrased and abridged from
Croydon Safeguarding Children Board's published Annual Review 2014/15
(../shared/reference/). Figures are left to the data sections: none is typed here."""

FOREWORD = """\
The independent chair took up the post in September 2014 and thanks the board team and
partners for their welcome in a first year with much achieved and much still to do.

The board reviewed its sub-group structure, and every group now has a business plan and
objectives. Regular governance meetings link the chair with the council's chief executive,
the executive director of people, the lead member and the leader of the council, and the
board works closely with the Health and Wellbeing Board, the Local Strategic Partnership and
the Community Safety Partnership.

### What we did
- Completed serious case reviews and learning reviews, and shared their lessons.
- Introduced a quality assurance framework and commissioned multi-agency audits.
- Improved the response to child sexual exploitation and to children who go missing,
  including return home interviews.
- Ran a well attended annual conference on keeping young people safe in school and in the
  community.

### What comes next
Early help, pre-birth planning for vulnerable families, the voice of young people, and the
recruitment and retention of social workers remain the board's biggest challenges.
"""

SUFFICIENCY = """\
In September 2015 the independent chair asked every partner agency to confirm that it had
enough resources to safeguard and promote the welfare of local children. Each partner gave
that assurance, while noting the pressure that a growing child population and reduced
budgets place on services.
"""

STATUTORY = """\
Local Safeguarding Children Boards were set up by section 13 of the Children Act 2004. The
board co-ordinates what each partner does to safeguard and promote the welfare of children
in the area, and checks that it is effective.

Safeguarding and promoting the welfare of children means protecting children from
maltreatment, preventing impairment of their health or development, making sure they grow
up with safe and effective care, and acting so that all children have the best outcomes.

The board publishes an annual report on the effectiveness of local safeguarding, which is
presented to the chief executive, the leader of the council, the police and crime
commissioner and the chair of the health and wellbeing board.
"""

SUMMARY = """\
The board has a clearer structure, a business plan owned by its sub-groups and a dataset
that it uses to challenge partners. Demand on children's social care continued to grow,
and timeliness of assessments needs to improve. Work on child sexual exploitation and
missing children has strengthened markedly. The sections that follow set out the figures,
each taken from the board's records.
"""

PRIVATE_FOSTERING = """\
Private fostering is when a child under 16 (under 18 if disabled) is cared for for 28 days
or more by someone who is not a parent or close relative. The local authority reports to
the Board each year on how it keeps privately fostered children safe; the report presented
in May 2015 showed that every recommendation of the year before had been addressed.

A specialist private fostering social worker, appointed in March 2014, has raised awareness
with partners, in the induction of new social workers and at a private fostering
conference. A multi-agency private fostering panel has met quarterly since February 2015 to
quality assure assessments and decisions about arrangements. Arrangements are still
under-reported, but the number known to the local authority has risen steadily.

*The private fostering lead*
"""

LADO = """\
The Local Authority Designated Officer (LADO) manages allegations against adults who work
with children. Partners refer more each year: schools remain the largest source, contact
with private schools has grown, and better recording now shows the sector in which each
adult works, with growing awareness in health and social care.

More strategy meetings were held, so thresholds are being kept while referrals rise, and
more cases led to criminal prosecution. Awareness sessions reached childminders, early
years settings, schools, the police, looked after children's teams and the fostering
panel. The LADO sits on the Board's education sub-group and helped run the second national
LADO conference in February 2015; funding has been found for a second LADO.

*The LADO*
"""

CONCLUSION = """\
The partnership has made real progress this year and knows where it must do better. The
board will keep its focus on early help, on the quality of assessments and on hearing the
voice of children, and will hold every partner to account for its part.
"""

# The sub-groups' own introductions (section 10 of the review), each above its approved
# returns; the Executive Steering Group, which the review does not report on, has none.
SUBGROUP_SUMMARIES = {
    "Serious Case Review": """\
The sub-group makes sure that multi-agency learning from serious incidents is effective and
that the action plans of every review are monitored and completed. Families were engaged
in every review, and their views are reflected in the reports.

*Deputy chair, Serious Case Review sub-group*
""",
    "Child Death Overview Panel": """\
The panel reviews the death of every child normally resident in Croydon. This year it
completed its five-year analysis of child deaths, improved the quality and timeliness of
the information it receives, and highlighted to professionals the risks of baby slings,
dangerous dogs and co-sleeping. The year's reviews are set out in the section on child
deaths.

*Chair, Child Death Overview Panel*
""",
    "Quality Assurance Practice and Performance": """\
The sub-group drives improvement in practice and performance and helps the Board find
gaps, themes, risks and strengths. It oversaw the new quality assurance framework and the
Board's multi-agency and independent audits, and turned their learning into protocols,
guidance and the learning and development programme.

*Deputy chair, Quality Assurance Practice and Performance sub-group*
""",
    "Learning and Development": """\
Part of the quality assurance sub-group, the group uses serious case reviews, audits and
the evaluation of every course to shape the Board's multi-agency training.

*Chair, Learning and Development sub-group*
""",
    "Editorial Board": """\
The group oversees the Board's website and its newsletter, so that professionals, children
and families find up-to-date information on keeping children safe.

*Chair, Editorial sub-group*
""",
    "Health": """\
The sub-group brings together the range of health professionals working across Croydon,
with commissioners and local authority partners, to improve outcomes for children and
families through integrated working.

*Chair, Health sub-group*
""",
    "Education": """\
In its second year the sub-group extended its reach to the independent sector and worked
with every school and college on the issues facing them, so that children are safeguarded
and better able to keep themselves safe.

*Chair, Education sub-group*
""",
    "MASH – Multi Agency Safeguarding Hub": """\
Launched in January 2014, the hub brings together health, police, social care, early help,
probation and education to share information, so that vulnerable children are identified
and made safe at the earliest opportunity.

*Chair, MASH sub-group*
""",
    "Child Sexual Exploitation and Missing Children": """\
Set up by the Board in January 2014, the sub-group is chaired from the voluntary sector and
is committed in partnership to ending going missing and child sexual exploitation through
prevention, protection and disruption.

*Deputy chair, Child Sexual Exploitation and Missing sub-group*
""",
}

PRIORITIES = """\
The Board's business plan for 2015/16 comes from the key issues raised by the Board, its
sub-groups, audits and serious case reviews:

1. **Early help**: know the children who need help and make sure they get it; implement
   the Best Start pilot, step-up and step-down processes and the early help IT module, and
   raise the number of early help assessments and team around the child meetings.
2. **Multi-agency working**: the child at the heart of what we do, with particular focus
   on pre-birth and children under one and on engaging fathers; more joint assessments.
3. **A skilled workforce**: lessons from reviews and audits known and used; a Board
   induction for new practitioners; supervision for designated safeguarding leads in
   schools; workforce stability and caseloads monitored.
4. **Safeguarding priorities shared with adults**: female genital mutilation, trafficking,
   domestic abuse and sexual violence, radicalisation, child sexual exploitation and
   missing children; peer-on-peer abuse and a sexually harmful behaviours strategy.
"""

NARRATIVE_BY_TITLE = {
    "Foreword": FOREWORD,
    "Sufficiency statement": SUFFICIENCY,
    "Statutory framework": STATUTORY,
    "Executive summary": SUMMARY,
    "Private fostering": PRIVATE_FOSTERING,
    "LADO overview": LADO,
    "Conclusion": CONCLUSION,
    "Key issues and priorities for next year": PRIORITIES,
}

# Section 6 of the review, in its order: population, early help and children's centres
# (Figures 2 and 3), social care, youth violence. Only indicators with a 2014/15 figure in
# the review: one it does not print would read "No figure was recorded for 2014/15".
LOCAL_CONTEXT_INDICATORS = (
    "child_population, under_fives, under_fives_disadvantaged, cc_families, "
    "cc_bme_families, cc_lone_parents, cc_fathers, cc_teenage_parents, "
    "early_help_assessments, fep_referrals, troubled_families, fjc_individuals, "
    "marac_referrals, cin, cin_in_year, assessments, assessments_45_pct, cp_plans, lac, "
    "youth_violence_offences, youth_violence_young_people"
)
# Sections 11 and 12 of the review: their figures beside their text (a dataset section).
FIGURES_BY_TITLE = {
    "Private fostering": "private_fostering, pf_safeguarding_interventions, pf_carers_prohibited",
    "LADO overview": "lado_prosecutions, lado_dismissals",
}

GLOSSARY = [
    ("CAF", "Common assessment framework"),
    ("CAFCASS", "Children and Family Court Advisory and Support Service"),
    ("CCG", "Clinical commissioning group"),
    ("CDOP", "Child Death Overview Panel"),
    ("CIN", "Child in need"),
    ("CP", "Child protection"),
    ("CSE", "Child sexual exploitation"),
    ("FGM", "Female genital mutilation"),
    ("IMR", "Individual management review"),
    ("LAC", "Looked after child"),
    ("LADO", "Local authority designated officer"),
    ("MASH", "Multi-agency safeguarding hub"),
    ("QAF", "Quality assurance framework"),
    ("SCR", "Serious case review"),
    ("SILP", "Significant incident learning process"),
    ("UASC", "Unaccompanied asylum-seeking children"),
]
