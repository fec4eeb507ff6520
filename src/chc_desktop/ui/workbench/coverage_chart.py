"""A small bar chart of signing coverage against the targets: two bars a row (全人群, 重点人群),
each with its target marked, so a doctor sees at a glance where the centre falls short."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from chc_desktop.services.indicators import CoverageRow

ALL_COLOUR = QColor("#2f6fb0")
KEY_COLOUR = QColor("#2e8b57")
TARGET_COLOUR = QColor("#b3261e")
TRACK_COLOUR = QColor("#e6eaef")
BAR = 12
ROW = 2 * BAR + 14
LABEL_WIDTH = 120
VALUE_WIDTH = 56


class CoverageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverage_chart")
        self.rows: list[CoverageRow] = []
        self.target_all = 0
        self.target_key = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[CoverageRow], target_all: int, target_key: int) -> None:
        self.rows = list(rows)
        self.target_all, self.target_key = target_all, target_key
        self.setFixedHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.rows)) * ROW + 44)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(60, self.width() - LABEL_WIDTH - VALUE_WIDTH - 8)
        metrics = self.fontMetrics()
        y = 4
        for row in self.rows:
            name = metrics.elidedText(row.name, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(0, y, LABEL_WIDTH - 8, 2 * BAR + 2), int(Qt.AlignmentFlag.AlignVCenter), name)
            small = p.font()
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
            p.setFont(small)
            for i, (coverage, colour, target) in enumerate(
                ((row.all, ALL_COLOUR, self.target_all), (row.key, KEY_COLOUR, self.target_key))
            ):
                top = y + i * (BAR + 2)
                p.fillRect(QRectF(LABEL_WIDTH, top, width, BAR), TRACK_COLOUR)
                share = min(1.0, coverage.percent / 100)
                p.fillRect(QRectF(LABEL_WIDTH, top, width * share, BAR), colour)
                x = LABEL_WIDTH + width * target / 100
                p.setPen(QPen(TARGET_COLOUR, 2))
                p.drawLine(int(x), int(top - 1), int(x), int(top + BAR + 1))
                p.setPen(self.palette().windowText().color())
                text = f"{coverage.percent:.1f}%" if coverage.population else "—"
                p.drawText(
                    QRectF(LABEL_WIDTH + width + 6, top - 1, VALUE_WIDTH, BAR + 2),
                    int(Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
            p.setFont(self.font())
            y += ROW
        # legend: the two bars on one line, the target mark under them
        y += 4
        p.fillRect(QRectF(LABEL_WIDTH, y + 2, 10, 10), ALL_COLOUR)
        p.drawText(LABEL_WIDTH + 14, y + 11, self.tr("全人群签约率"))
        x = LABEL_WIDTH + 24 + metrics.horizontalAdvance(self.tr("全人群签约率"))
        p.fillRect(QRectF(x, y + 2, 10, 10), KEY_COLOUR)
        p.drawText(int(x + 14), y + 11, self.tr("重点人群签约率"))
        y += 18
        p.setPen(QPen(TARGET_COLOUR, 2))
        p.drawLine(LABEL_WIDTH + 4, y + 1, LABEL_WIDTH + 4, y + 13)
        p.setPen(self.palette().windowText().color())
        legend = self.tr("目标：全人群 %1%，重点人群 %2%").replace("%1", str(self.target_all))
        p.drawText(LABEL_WIDTH + 14, y + 11, legend.replace("%2", str(self.target_key)))
        p.end()
