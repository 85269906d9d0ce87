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
or more by someone who is not a parent or close relative. The private fostering lead
raised awareness through training, leaflets and schools, and every new arrangement notified
was visited and assessed.
"""

LADO = """\
The Local Authority Designated Officer manages allegations against people who work with
children. Referrals came from schools, early years settings, health, the police and
residential care; each was considered at an allegations management meeting where needed,
and outcomes were recorded as substantiated, unsubstantiated, unfounded, false or malicious.
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

LOCAL_CONTEXT_INDICATORS = (
    "child_population, contacts, referrals, referral_rate, re_referral_pct, assessments, "
    "assessments_45_pct, cin, cp_plans, cp_new, cp_repeat_pct, lac, private_fostering, "
    "missing_episodes, return_interview_pct, training_attendance"
)

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
