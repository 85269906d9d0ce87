"""The demo's 2014/15 annual review is the reference review
(../shared/reference/croydon-lscb-annual-review-2014-15.txt) made from records: its tables
and figures, printed as the report prints numbers, with no headline without a figure and
no empty chart. The text read is the HTML the PDF is made from (the same records, the same
templates), without the charts' SVG, so that a change of page layout cannot hide a figure."""

import re
from html.parser import HTMLParser
from io import StringIO

from django.core.management import call_command

from reports.demo_text import SUBGROUP_SUMMARIES
from reports.models import AnnualReport
from reports.rendering import gather_all, render_html, render_section_html

LOCALITIES = ["North", "South", "East", "West", "Central"]

# Figure 2, children aged under five by locality. The review's "Croydon" total is 28,651,
# but North + South + East + West + Central = 28,549: the report prints the true sum.
UNDER_FIVES = [6649, 5883, 2953, 6458, 6606]
UNDER_FIVES_PRINTED_BY_THE_REVIEW = "28,651"
UNDER_FIVES_DISADVANTAGED = [1659, 315, 2084, 3838, 2299]  # 10,195: the review's sum
# Figure 3, families at children's centres: name, the five localities, 2013/14 total.
CHILDRENS_CENTRES = [
    ("Families registered with children's centres", [2115, 2229, 2496, 3478, 2909], 12269),
    (
        "Black and minority ethnic families registered with children's centres",
        [1795, 955, 1000, 2508, 2049],
        6295,
    ),
    (
        "Lone parent families registered with children's centres",
        [339, 186, 403, 508, 416],
        1350,
    ),
    ("Fathers registered with children's centres", [299, 268, 366, 682, 275], 1681),
    ("Teenage parents registered with children's centres", [33, 26, 51, 85, 50], 199),
]

# (what the report prints before the figure, the figure as printed).
HEADLINES = [
    ("Children aged under five", "28,549 2014/15"),
    ("Children aged under five in the 20% most disadvantaged areas", "10,195 2014/15"),
    ("Families registered with children's centres", "13,227 2014/15 2013/14: 12,269."),
    (
        "Black and minority ethnic families registered with children's centres",
        "8,307 2014/15 2013/14: 6,295.",
    ),
    ("Lone parent families registered with children's centres", "1,852 2014/15 2013/14: 1,350."),
    ("Fathers registered with children's centres", "1,890 2014/15 2013/14: 1,681."),
    ("Teenage parents registered with children's centres", "245 2014/15 2013/14: 199."),
    # Early help: stage 2 and stage 3.
    ("Early help assessments", "564 2014/15 2013/14: 461."),
    ("Referrals of children under 2 to the Family Engagement Partnership", "473 2014/15"),
    ("Families achieving a Troubled Families outcome", "537 2014/15"),
    ("People helped by the Family Justice Centre", "2,588 2014/15"),
    ("Referrals to the MARAC", "354 2014/15"),
    # Social care.
    ("Children in need at the end of the period", "2014/15: 3,624 (2013/14: 3,736)."),
    ("Children in need worked with during the year", "6,392 2014/15"),
    ("Assessments completed", "2014/15: 3,536"),
    ("Children with a child protection plan", "2014/15: 348"),
    ("Looked after children at the end of the period", "2014/15: 805"),
    ("Looked after group Local children", "397"),
    ("Looked after group Unaccompanied asylum-seeking children", "408"),
    ("Serious youth violence offences", "351 2014/15"),
    ("Young people involved in serious youth violence", "101 2014/15"),
    # 7. Budget: income and expenditure, each adding up to the printed total.
    ("Croydon Children's Social Care", "264,112"),
    ("Croydon Clinical Commissioning Group", "33,850"),
    ("Croydon Health Services NHS Trust", "33,850"),
    ("South London and Maudsley NHS Foundation Trust", "13,540"),
    ("Metropolitan Police Service", "5,000"),
    ("CAFCASS", "550"),
    ("National Probation Service", "2,000"),
    ("Total income", "352,902"),
    ("Staffing", "197,258"),
    ("Serious Case Reviews", "65,940"),
    ("Training", "26,387"),
    ("Audits", "15,920"),
    ("Return Home Interviews start-up", "23,000"),
    ("Support charges", "22,255"),
    ("Total expenditure", "350,760"),
    # 8. Business plan. The review says early help assessments "increased 23% from 461 in
    # 2013/14 to 564 in 2014/15": that is 22.3%, so the report says 22%.
    ("Early help assessments rose by", "22%, from 461 in 2013/14 to 564 in 2014/15."),
    # 10a. Serious case reviews: three initiated in 2014/15 and the joint review.
    ("In 2014/15 the board decided to initiate", "4 reviews"),
    # 11. Private fostering (Figure 9) and 12. LADO.
    ("Privately fostered children needing safeguarding intervention", "2 2014/15"),
    ("Private foster carers prohibited or disqualified", "1 2014/15"),
    ("LADO cases awaiting a prosecution decision or in court", "12 2014/15"),
    ("Staff dismissed or resigned after a LADO case", "10 2014/15"),
]
# 10c. Audits: 73 vulnerable adolescents; MASH thresholds, 96 of 135 good or outstanding.
AUDITS = [
    "73 cases audited",
    "135 cases audited",
    "Outstanding 20",
    "Good 76",
    "Pre-birth and under one",  # the third of the three audits the review names
]
PRIVATE_FOSTERING_BY_MONTH = "20 25 27 27 23 23 28 29 23 27 25 24"  # Figure 9, April first
# The learning and development table: attendees to date by event.
TRAINING = [
    ("Child sexual exploitation: Operation Raptor", "60"),
    ("Child sexual exploitation and gangs", "24"),
    ("Serious case review workshops", "244"),
    ("Level 3 safeguarding", "262"),
    ("Domestic abuse and sexual violence", "56"),
    ("Domestic abuse and honour-based violence (DASH)", "29"),
    ("Child trafficking", "20"),
    ("Prevent", "81"),
    ("CSCB annual conference", "186"),
    ("Private fostering conference", "47"),
    ("Children affected by parental imprisonment (CAPI) conference", "83"),
    ("Systemic practice", "29"),
    ("Fabricated or induced illness", "77"),
    ("Engaging men", "21"),
    ("Introductory online safeguarding", "1,600"),
]
# Every sub-group the review reports on, each with a part of its work.
SUBGROUPS = {
    "Serious Case Review": "three serious case reviews be initiated",
    "Child Death Overview Panel": "five-year analysis of child deaths",
    "Quality Assurance Practice and Performance": "audit of 73 vulnerable adolescents",
    "Learning and Development": "serious case review workshops",
    "Editorial Board": "newsletter is produced shortly after every Board meeting",
    "Health": "GP case reflection model",
    "Education": "termly forum for all designated safeguarding leads",
    "MASH – Multi Agency Safeguarding Hub": "professional consultation line",
    "Child Sexual Exploitation and Missing Children": "Operation Raptor",
}


INLINE = {"a", "abbr", "b", "code", "em", "i", "span", "strong", "sub", "sup"}


class _Text(HTMLParser):
    """The words a reader sees, one space between cells; charts' SVG left out."""

    def __init__(self):
        super().__init__()
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in ("svg", "style", "script")
        self.parts.append("" if tag in INLINE else " ")

    def handle_endtag(self, tag):
        self.skipping -= tag in ("svg", "style", "script")
        self.parts.append("" if tag in INLINE else " ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def words_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def test_the_demo_review_is_the_reference_review_from_records(db):
    # One load and one render for both checks: the demo load is the slow part.
    call_command("load_demo", stdout=StringIO())
    report = AnnualReport.objects.get(board__slug="croydon", start_year=2014)
    gathered = gather_all(report)
    words = words_of(render_html(report, gathered))
    _prints_the_reference_reviews_figures(report, gathered, words)
    _no_headline_without_a_2014_15_figure_and_no_empty_chart(report, gathered, words)


def _prints_the_reference_reviews_figures(report, gathered, words) -> None:
    missing = [f"{label} {figure}" for label, figure in HEADLINES]
    missing = [text for text in missing if text not in words]
    assert not missing, missing

    for values, total in [(UNDER_FIVES, "28,549"), (UNDER_FIVES_DISADVANTAGED, "10,195")]:
        assert f"{sum(values):,}" == total
        for place, value in zip(LOCALITIES, values, strict=True):
            assert f"Locality {place} {value:,}" in words
    # The true sum of Figure 2, never the review's misprinted total.
    assert sum(UNDER_FIVES) == 28549 and UNDER_FIVES_PRINTED_BY_THE_REVIEW not in words
    for name, localities, last_year in CHILDRENS_CENTRES:
        assert f"{name} {sum(localities):,} 2014/15 2013/14: {last_year:,}." in words
        for place, value in zip(LOCALITIES, localities, strict=True):
            assert f"Locality {place} {value:,}" in words, (name, place)

    for text in AUDITS:
        assert text in words
    # One row a month (the table's month before each figure): the figures in their order.
    by_month = r"(?: \S+){1,3}? ".join(PRIVATE_FOSTERING_BY_MONTH.split())
    assert re.search(rf"\b{by_month}\b", words), "Figure 9's months"
    training = next(item for item in gathered if item.section.section_type == "training")
    training_words = words_of(render_section_html(report, training, gathered))
    for course, attendees in TRAINING:
        # A course's row of attendees by agency ends with its total.
        row = rf"{re.escape(course)}(?: [\d,]+)* {re.escape(attendees)}(?= )"
        assert re.search(row, training_words), course
    assert "with 2,819 attendees recorded" in training_words

    for name, work in SUBGROUPS.items():
        section = next(i for i in gathered if (i.section.config or {}).get("subgroup") == name)
        text = words_of(render_section_html(report, section, gathered))
        assert work in text, name
        assert SUBGROUP_SUMMARIES[name].split()[0] in text, name  # its authored introduction
        assert "No quarterly return" not in text and "No records yet" not in text, name
    assert "The sub-group met throughout the year" not in words
    # 5. Key issues for 2015/16, the review's four headings.
    for heading in ("Early help", "Multi-agency working", "A skilled workforce"):
        assert f"{heading}:" in words


def _no_headline_without_a_2014_15_figure_and_no_empty_chart(report, gathered, words) -> None:
    datasets = [item for item in gathered if item.section.section_type == "dataset"]
    assert {item.section.title for item in datasets} >= {
        "Local context",
        "Private fostering",
        "LADO overview",
    }
    for item in datasets:
        rows = item.data["indicators"]
        assert rows and not item.data["unknown_codes"], item.section.title
        for row in rows:
            assert row["form"] != "none" and row["year_value"] is not None, row["name"]
            assert not row["missing_periods"], row["name"]
            if "chart" in row:
                drawn = [p for p in row["periods"] if p["value"] is not None]
                assert len(drawn) >= 2 and "<svg" in row["chart"]["svg"], row["name"]
        text = words_of(render_section_html(report, item, gathered))
        for empty in ("no value", "Not recorded", "No figure was recorded", "No records yet"):
            assert empty not in text, (item.section.title, empty)
    assert "no value" not in words
