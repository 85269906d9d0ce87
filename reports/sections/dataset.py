"""Dataset tables and charts: chosen indicators for the year by period, the year's value
by each indicator's roll-up rule, last year's for comparison, benchmarks, breakdowns, and
a chart with its text alternative. Reads the datasets app (issue 5) once it is migrated."""

from .common import model
from .registry import SectionType, missing, register

REASON = "The performance dataset is not recorded in this installation yet (issue 5)."


def codes_of(section) -> list[str]:
    raw = (section.config or {}).get("indicators", "")
    items = raw if isinstance(raw, list) else str(raw).replace("\n", ",").split(",")
    return [code.strip() for code in items if code.strip()]


def gather(report, section) -> dict:
    if model("datasets", "Indicator") is None:
        return missing(REASON)
    from .dataset_gather import gather_indicators

    return gather_indicators(report, section, codes_of(section))


register(
    SectionType(
        "dataset",
        "Dataset tables and charts",
        gather,
        description="Chosen indicators: values by period, the year, last year, benchmarks, "
        "breakdowns and a chart.",
        config_fields={
            "indicators": "Indicator codes, separated by commas (for example cp_plans).",
            "chart": "Draw a chart: yes or no.",
        },
    )
)
