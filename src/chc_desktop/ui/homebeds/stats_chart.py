"""The year's home beds at a glance: for each month, the beds opened (新建床) and discharged (撤床) as
a pair of bars, and the beds in bed at the month's end (月末在床) as a line. One count axis on the
left; a month's figures in a tooltip. Drawn with QPainter, at any size; says so when there is
nothing to draw."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from chc_desktop.domain.homebeds import MonthStats
from chc_desktop.ui.charts import ChartWidget

OPENED_COLOUR = QColor("#2f6fb0")
DISCHARGED_COLOUR = QColor("#c0561b")
OPEN_COLOUR = QColor("#2e8b57")
GRID_COLOUR = QColor("#e6eaef")
AXIS_COLOUR = QColor("#9aa5b1")
MARK = 3.5  # the radius of a point of the line


def nice_ticks(top: int, most: int = 5) -> list[int]:
    """Round steps (1, 2, 5 × 10ⁿ) from 0 to at least ``top``, at most ``most`` + 1 of them."""
    top = max(top, 1)
    step = 1
    while True:
        for factor in (1, 2, 5):
            candidate = step * factor
            if math.ceil(top / candidate) <= most:
                return [candidate * i for i in range(math.ceil(top / candidate) + 1)]
        step *= 10


class StatsChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homebed_stats_chart")
        self.months: list[MonthStats] = []
        self._slots: list[QRectF] = []  # each month's column of the plot, placed when painted

    def set_months(self, months: Sequence[MonthStats]) -> None:
        self.months = list(months)
        self._slots = []
        self.update()

    def is_empty(self) -> bool:
        return not any(m.opened or m.discharged or m.open_at_end for m in self.months)

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    def series(self) -> list[tuple[str, QColor, bool]]:
        """(label, colour, drawn as a line)."""
        return [
            (self.tr("新建床"), OPENED_COLOUR, False),
            (self.tr("撤床"), DISCHARGED_COLOUR, False),
            (self.tr("月末在床"), OPEN_COLOUR, True),
        ]

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        p, metrics = self.begin()
        if self.is_empty():
            self._slots = []
            self.empty(p, self.tr("该年度尚无家庭病床，建床后这里按月显示新建床、撤床和月末在床数。"), 8)
            return
        top = self._legend(p, metrics) + 8
        ticks = nice_ticks(max(max(m.opened, m.discharged, m.open_at_end) for m in self.months))
        left = metrics.horizontalAdvance(str(ticks[-1])) + 12
        right = self.width() - 10
        bottom = self.height() - metrics.height() - 8
        plot = QRectF(left, top, max(1.0, right - left), max(1.0, bottom - top))
        self._axes(p, metrics, plot, ticks)
        width = plot.width() / len(self.months)
        self._slots = [
            QRectF(plot.left() + i * width, plot.top(), width, plot.height()) for i in range(len(self.months))
        ]
        self._month_labels(p, metrics, plot)
        self._bars(p, plot, ticks[-1])
        self._line(p, plot, ticks[-1])
        p.end()

    def _legend(self, p: QPainter, metrics: QFontMetrics) -> float:
        """The series on one line (more when narrow); returns where the legend ends."""
        x, y = 8.0, 4.0
        height = metrics.height()
        for label, colour, line in self.series():
            width = 26 + metrics.horizontalAdvance(label) + 16
            if x + width > self.width() and x > 8:
                x, y = 8.0, y + height + 2
            middle = y + height / 2
            if line:
                p.setPen(QPen(colour, 2))
                p.drawLine(QPointF(x, middle), QPointF(x + 20, middle))
                p.setBrush(colour)
                p.drawEllipse(QPointF(x + 10, middle), MARK, MARK)
            else:
                p.fillRect(QRectF(x + 4, middle - 5, 12, 10), colour)
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(x + 26, y, width, height), int(Qt.AlignmentFlag.AlignVCenter), label)
            x += width
        return y + height

    def _axes(self, p: QPainter, metrics: QFontMetrics, plot: QRectF, ticks: list[int]) -> None:
        text_colour = self.palette().windowText().color()
        for tick in ticks:
            y = plot.bottom() - plot.height() * tick / ticks[-1]
            p.setPen(QPen(GRID_COLOUR, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text_colour)
            p.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(tick),
            )
        p.setPen(QPen(AXIS_COLOUR, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.topLeft(), plot.bottomLeft())

    def _month_labels(self, p: QPainter, metrics: QFontMetrics, plot: QRectF) -> None:
        """The month under each column: 1月 … 12月, or just the number when the columns are narrow."""
        p.setPen(self.palette().windowText().color())
        for slot, m in zip(self._slots, self.months, strict=True):
            number = int(m.month[5:])
            text = self.tr("%1月").replace("%1", str(number))
            if metrics.horizontalAdvance(text) + 4 > slot.width():
                text = str(number)
            p.drawText(
                QRectF(slot.left(), plot.bottom() + 4, slot.width(), metrics.height()),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                text,
            )

    def _bars(self, p: QPainter, plot: QRectF, top: int) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        for slot, m in zip(self._slots, self.months, strict=True):
            bar = min(18.0, max(2.0, slot.width() * 0.3))
            middle = slot.center().x()
            for value, colour, x in (
                (m.opened, OPENED_COLOUR, middle - bar - 1),
                (m.discharged, DISCHARGED_COLOUR, middle + 1),
            ):
                if value:
                    height = plot.height() * value / top
                    p.fillRect(QRectF(x, plot.bottom() - height, bar, height), colour)

    def _line(self, p: QPainter, plot: QRectF, top: int) -> None:
        points = [
            QPointF(slot.center().x(), plot.bottom() - plot.height() * m.open_at_end / top)
            for slot, m in zip(self._slots, self.months, strict=True)
        ]
        p.setPen(QPen(OPEN_COLOUR, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) > 1:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            p.drawPath(path)
        p.setBrush(OPEN_COLOUR)
        for point in points:
            p.drawEllipse(point, MARK, MARK)

    # ---------------------------------------------------------------- the figures of a month
    def tooltip_at(self, x: float) -> str:
        """The figures of the month under ``x`` (empty outside the plot)."""
        for slot, m in zip(self._slots, self.months, strict=False):
            if slot.left() <= x < slot.right():
                return (
                    self.tr("%1\n新建床 %2　撤床 %3\n月末在床 %4　床日 %5")
                    .replace("%1", m.month)
                    .replace("%2", str(m.opened))
                    .replace("%3", str(m.discharged))
                    .replace("%4", str(m.open_at_end))
                    .replace("%5", str(m.bed_days))
                )
        return ""
