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

PRIORITIES = """\
- Early help: make sure families get effective help before they reach social care.
- Pre-birth and under-ones: better planning for vulnerable families.
- Child sexual exploitation, missing children, female genital mutilation and preventing
  extremism: use local and national learning to protect children.
- Workforce: support the recruitment and retention of permanent staff.
- The voice of the child: work with the youth council on how the board hears young people.
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
