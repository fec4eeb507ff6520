"""家庭病床 in the desktop: the bed list with its monthly statistics and chart, a bed's page with its
visit timeline and the steps of its lifecycle, the quick visit entry, and the resident file's tab."""

from chc_desktop.ui.homebeds.bed_list_page import BedListPage, HomeBedTab
from chc_desktop.ui.homebeds.bed_page import BedPage
from chc_desktop.ui.homebeds.dialogs import (
    ApplicationDialog,
    DischargeDialog,
    RegistrationDialog,
    ReturnDialog,
)
from chc_desktop.ui.homebeds.stats_chart import StatsChart
from chc_desktop.ui.homebeds.visit_entry import VisitEntry

__all__ = [
    "ApplicationDialog",
    "BedListPage",
    "BedPage",
    "DischargeDialog",
    "HomeBedTab",
    "RegistrationDialog",
    "ReturnDialog",
    "StatsChart",
    "VisitEntry",
]
