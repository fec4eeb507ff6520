"""安宁疗护 in the desktop: the assessment form with its live result, the resident file's tab, and
the chart of PPS, KPS and ESAS-r over time."""

from chc_desktop.ui.hospice.assessment_editor import AssessmentEditor
from chc_desktop.ui.hospice.hospice_tab import HospiceTab
from chc_desktop.ui.hospice.trend_chart import TrendChart

__all__ = ["AssessmentEditor", "HospiceTab", "TrendChart"]
