"""The course of a hospice patient at a glance: PPS %, KPS and the ESAS-r total against the date of
each assessment. KPS and PPS share the left axis (0–100); the ESAS-r total has its own axis on the
right (0–90, nine items of 0–10; higher is worse). One point per assessment day: when a day has
several versions, the last one stands for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from chc_desktop.services.hospice import AssessmentInfo
from chc_desktop.ui.charts import ChartWidget

KPS_COLOUR = QColor("#2f6fb0")
PPS_COLOUR = QColor("#2e8b57")
ESAS_COLOUR = QColor("#c0561b")
GRID_COLOUR = QColor("#e6eaef")
AXIS_COLOUR = QColor("#9aa5b1")
ESAS_MAX = 90  # nine items scored 0–10
LEFT_TICKS = (0, 20, 40, 60, 80, 100)
RIGHT_TICKS = (0, 30, 60, 90)
MARK = 4.0  # half the size of a point's marker
HIT = 10  # how near the pointer must be to a day for its tooltip


@dataclass(frozen=True)
class TrendPoint:
    on: dt.date
    version: int
    kps: int | None
    pps: int | None
    esas: int | None  # ESAS-r total, 0–90


def trend_points(history: Sequence[AssessmentInfo]) -> list[TrendPoint]:
    """One point per assessment day, oldest first (the day's last version)."""
    by_day: dict[dt.date, AssessmentInfo] = {}
    for a in sorted(history, key=lambda a: (a.assessed_on, a.version)):
        by_day[a.assessed_on] = a
    out = []
    for on, a in sorted(by_day.items()):
        total = a.results.get("esas", {}).get("total")
        out.append(TrendPoint(on, a.version, a.draft.kps, a.draft.pps, None if total is None else int(total)))
    return out


@dataclass(frozen=True)
class _Series:
    label: str
    colour: QColor
    value: Callable[[TrendPoint], float | None]  # on the 0–100 scale of the plot
    dashed: bool
    marker: str  # circle | square | diamond


class TrendChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hospice_trend")
        self.points: list[TrendPoint] = []
        self._xs: list[float] = []

    def set_history(self, history: Sequence[AssessmentInfo]) -> None:
        self.points = trend_points(history)
        self._xs = []  # placed again when painted
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 190)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 140)

    def series(self) -> list[_Series]:
        return [
            _Series(self.tr("KPS"), KPS_COLOUR, lambda p: p.kps, False, "circle"),
            _Series(self.tr("PPS %"), PPS_COLOUR, lambda p: p.pps, False, "square"),
            _Series(
                self.tr("ESAS-r 总分（右轴）"),
                ESAS_COLOUR,
                lambda p: None if p.esas is None else p.esas * 100 / ESAS_MAX,
                True,
                "diamond",
            ),
        ]

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        p, metrics = self.begin()
        if not self.points:
            self.empty(p, self.tr("尚无安宁疗护评估，评估后这里显示 PPS、KPS 和 ESAS-r 的变化。"))
            return
        top = self._legend(p, metrics) + 8
        line = metrics.height()
        left = metrics.horizontalAdvance("100") + 12
        right = self.width() - metrics.horizontalAdvance("90") - 12
        bottom = self.height() - line - 8
        plot = QRectF(left, top, max(1.0, right - left), max(1.0, bottom - top))
        self._axes(p, metrics, plot)
        self._xs = self._x_positions(plot)
        self._dates(p, metrics, plot)
        for s in reversed(self.series()):  # KPS, the smallest marker, on top
            self._draw_series(p, plot, s)
        p.end()

    def _legend(self, p: QPainter, metrics: QFontMetrics) -> float:
        """The three series on one line (two when narrow); returns where the legend ends."""
        x, y = 8.0, 4.0
        height = metrics.height()
        for s in self.series():
            width = 26 + metrics.horizontalAdvance(s.label) + 16
            if x + width > self.width() and x > 8:
                x, y = 8.0, y + height + 2
            middle = y + height / 2
            p.setPen(self._pen(s))
            p.drawLine(QPointF(x, middle), QPointF(x + 20, middle))
            self._marker(p, QPointF(x + 10, middle), s)
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(x + 26, y, width, height), int(Qt.AlignmentFlag.AlignVCenter), s.label)
            x += width
        return y + height

    def _axes(self, p: QPainter, metrics: QFontMetrics, plot: QRectF) -> None:
        text_colour = self.palette().windowText().color()
        for tick in LEFT_TICKS:
            y = plot.bottom() - plot.height() * tick / 100
            p.setPen(QPen(GRID_COLOUR, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text_colour)
            p.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(tick),
            )
        for tick in RIGHT_TICKS:
            y = plot.bottom() - plot.height() * tick / ESAS_MAX
            p.setPen(QPen(ESAS_COLOUR, 1))
            p.drawLine(QPointF(plot.right(), y), QPointF(plot.right() + 4, y))
            p.drawText(
                QRectF(
                    plot.right() + 6,
                    y - metrics.height() / 2,
                    self.width() - plot.right() - 6,
                    metrics.height(),
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(tick),
            )
        p.setPen(QPen(AXIS_COLOUR, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.topLeft(), plot.bottomLeft())
        p.setPen(QPen(ESAS_COLOUR, 1))
        p.drawLine(plot.topRight(), plot.bottomRight())

    def _x_positions(self, plot: QRectF) -> list[float]:
        """Each day's place on the date axis, in proportion to the days between assessments."""
        pad = min(24.0, plot.width() / 6)
        first, last = self.points[0].on, self.points[-1].on
        span = (last - first).days
        if span == 0:
            return [plot.center().x()] * len(self.points)
        width = plot.width() - 2 * pad
        return [plot.left() + pad + width * (pt.on - first).days / span for pt in self.points]

    def _dates(self, p: QPainter, metrics: QFontMetrics, plot: QRectF) -> None:
        """The date under each point, left out where it would run into the one before."""
        p.setPen(self.palette().windowText().color())
        last_right = -1e9
        for x, pt in zip(self._xs, self.points, strict=True):
            text = pt.on.isoformat()
            if metrics.horizontalAdvance(text) * len(self.points) > plot.width():
                text = pt.on.strftime("%m-%d")
            width = metrics.horizontalAdvance(text)
            left = min(max(0.0, x - width / 2), self.width() - width)
            p.setPen(QPen(AXIS_COLOUR, 1))
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            if left < last_right + 6:
                continue
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(left, plot.bottom() + 4, width + 1, metrics.height()), 0, text)
            last_right = left + width

    def _draw_series(self, p: QPainter, plot: QRectF, s: _Series) -> None:
        here = [
            QPointF(x, plot.bottom() - plot.height() * value / 100)
            for x, pt in zip(self._xs, self.points, strict=True)
            if (value := s.value(pt)) is not None
        ]
        if not here:
            return
        p.setPen(self._pen(s))
        if len(here) > 1:
            path = QPainterPath(here[0])
            for point in here[1:]:
                path.lineTo(point)
            p.drawPath(path)
        for point in here:
            self._marker(p, point, s)

    @staticmethod
    def _pen(s: _Series) -> QPen:
        pen = QPen(s.colour, 2)
        if s.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    @staticmethod
    def _marker(p: QPainter, at: QPointF, s: _Series) -> None:
        p.save()
        p.setPen(QPen(s.colour, 1.5))
        p.setBrush(QColor("#ffffff") if s.dashed else s.colour)
        if s.marker == "square":
            p.drawRect(QRectF(at.x() - MARK + 0.5, at.y() - MARK + 0.5, 2 * MARK - 1, 2 * MARK - 1))
        elif s.marker == "diamond":
            path = QPainterPath(QPointF(at.x(), at.y() - MARK - 1))
            for dx, dy in ((MARK + 1, 0.0), (0.0, MARK + 1), (-MARK - 1, 0.0), (0.0, -MARK - 1)):
                path.lineTo(at.x() + dx, at.y() + dy)
            p.drawPath(path)
        else:
            p.drawEllipse(at, MARK, MARK)
        p.restore()

    # ---------------------------------------------------------------- the figures of a day
    def tooltip_at(self, x: float) -> str:
        """What was assessed on the day nearest to ``x`` (empty when none is near)."""
        if len(self._xs) != len(self.points):
            return ""
        best = min(range(len(self._xs)), key=lambda i: abs(self._xs[i] - x), default=None)
        if best is None or abs(self._xs[best] - x) > HIT:
            return ""
        pt = self.points[best]
        dash = "—"
        return (
            self.tr("%1（第 %2 版）\nKPS %3　PPS %4　ESAS-r 总分 %5")
            .replace("%1", pt.on.isoformat())
            .replace("%2", str(pt.version))
            .replace("%3", dash if pt.kps is None else str(pt.kps))
            .replace("%4", dash if pt.pps is None else f"{pt.pps}%")
            .replace("%5", dash if pt.esas is None else str(pt.esas))
        )
