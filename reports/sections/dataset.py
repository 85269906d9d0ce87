"""Dataset tables and charts: chosen indicators for the year by period, the year's value
by each indicator's roll-up rule, last year's for comparison, benchmarks, breakdowns, and
a chart with its text alternative, read from the datasets app (dataset_gather.py)."""

from .dataset_gather import gather_indicators
from .registry import SectionType, register


def codes_of(section) -> list[str]:
    raw = (section.config or {}).get("indicators", "")
    items = raw if isinstance(raw, list) else str(raw).replace("\n", ",").split(",")
    return [code.strip() for code in items if code.strip()]


def gather(report, section) -> dict:
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
