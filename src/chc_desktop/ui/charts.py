"""What the app's small QPainter charts share: the painter with the chart's small font on white,
the empty-state sentence, and a tooltip for whatever lies under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

HINT_COLOUR = QColor("#5f6b76")


class ChartWidget(QWidget):
    """A chart that says what lies at a horizontal position (``tooltip_at``) when the pointer rests;
    it takes whatever room its layout gives it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def tooltip_at(self, x: float) -> str:
        return ""

    def begin(self) -> tuple[QPainter, QFontMetrics]:
        """A painter on a white chart, in the chart's small font (0.85 of the widget's)."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.85))
        p.setFont(small)
        return p, QFontMetrics(small)

    def empty(self, p: QPainter, text: str, margin: float = 0.0) -> None:
        """Say what the chart will show once there is data, and finish painting."""
        p.setPen(HINT_COLOUR)
        p.drawText(
            QRectF(self.rect()).adjusted(margin, margin, -margin, -margin),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            text,
        )
        p.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().x())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
