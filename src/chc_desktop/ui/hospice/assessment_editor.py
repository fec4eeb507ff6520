"""The hospice assessment form (安宁疗护评估): the instruments side by side (KPS, PPS v2 with its
column-by-column guide, PPI, ESAS-r, Barthel, 老年人生活自理能力), the record (diagnosis, prognosis,
caregiver, wish, awareness and consent, 舒缓照护协调), and a result panel that the service's
``preview`` recomputes on every change: each score, whether the patient qualifies, 居家 or 机构,
and the inputs that decided it. The doctor's arrangement defaults to the recommendation; a
different one needs a reason. A signed assessment opens read-only, with 修订 to start a new version.

Ctrl+S saves, Esc cancels (asking first when something changed). Enter does not save: a long
clinical form is not closed by a stray key.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import hospice as H
from chc_desktop.domain.errors import DomainError
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.hospice import SETTINGS, AssessmentDraft, AssessmentInfo
from chc_desktop.ui.widgets import (
    ErrorLabel,
    SearchableCombo,
    ask_discard,
    fit_to_screen,
    named_button,
    stacked,
)

SURVIVAL_MAX = 120  # months; the spin box's lowest value means "not estimated"
OTHER_NONE = -1  # the ESAS-r other problem's spin box at "not scored"
ELIGIBLE_COLOUR = "#1e6b37"
WARNING_COLOUR = "#b3261e"
MUTED_COLOUR = "#8a96a3"
DASH = "—"


def _combo(name: str, empty: str | None, choices: Mapping[Any, str], keys: bool = True) -> SearchableCombo:
    """A closed combo of a label dict (the domain's Chinese labels, shown as they are)."""
    combo = SearchableCombo()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    if empty is not None:
        combo.addItem(empty, None)
    for value, label in choices.items():
        combo.add_choice(label, value, (label,) if keys else ())
    return combo


def _check(name: str, text: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setObjectName(name)
    return box


def _number(name: str, low: int, high: int) -> QSpinBox:
    """A small number typed in (digits, ↑/↓, the wheel). The app's style sheet draws the step
    buttons without arrows, and hiding them with NoButtons collapses the text under a style sheet,
    so they are given no width instead."""
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setValue(low)
    spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
    spin.setMaximumWidth(72)
    spin.setStyleSheet("QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }")
    return spin


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def _pps_summary(level: H.PpsLevel) -> str:
    """A PPS v2 row in a few words (ambulation; activity and evidence of disease)."""
    amb = "、".join(H.AMBULATION[k] for k in H.AMBULATION if k in level.ambulation)
    act = "、".join(H.ACTIVITY[k] for k in H.ACTIVITY if k in level.activity)
    return f"{amb}；{act}"


def _pps_row(level: H.PpsLevel) -> str:
    """The whole row of the PPS v2 table (a tooltip)."""
    columns = (
        (H.AMBULATION, level.ambulation),
        (H.ACTIVITY, level.activity),
        (H.SELF_CARE, level.self_care),
        (H.INTAKE, level.intake),
        (H.CONSCIOUS, level.conscious),
    )
    return " | ".join("、".join(labels[k] for k in labels if k in chosen) for labels, chosen in columns)


class ResultPanel(QFrame):
    """The live result of the form: each instrument's figure, then the rule's conclusion and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#result_panel { background: #f4f7fa; border: 1px solid #d5dce3; }")
        title = QLabel(self.tr("评估结果"))
        title.setProperty("role", "title")
        self.figures: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        for key, label in (
            ("kps", self.tr("KPS")),
            ("pps", self.tr("PPS")),
            ("ppi", self.tr("PPI")),
            ("esas", self.tr("ESAS-r")),
            ("barthel", self.tr("Barthel")),
            ("self_care", self.tr("自理能力")),
        ):
            value = self._value(f"result_{key}")
            self.figures[key] = value
            form.addRow(label, value)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d5dce3;")
        self.eligible = self._value("result_eligible")
        self.setting = self._value("result_setting")
        self.dying = QLabel()
        self.dying.setObjectName("result_dying")
        self.dying.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.dying.setWordWrap(True)
        self.reasons = self._value("result_reasons")
        self.rule = _hint("")
        self.rule.setObjectName("result_rule")
        self.error = ErrorLabel()
        self.error.setObjectName("result_error")
        self.error.setStyleSheet("font-size: 10.5pt;")
        conclusion = QFormLayout()
        conclusion.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        conclusion.setHorizontalSpacing(10)
        conclusion.setVerticalSpacing(6)
        conclusion.addRow(self.tr("是否符合"), self.eligible)
        conclusion.addRow(self.tr("建议安排"), self.setting)
        conclusion.addRow(self.tr("依据"), self.reasons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(line)
        layout.addLayout(conclusion)
        layout.addWidget(self.dying)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.rule)

    @staticmethod
    def _value(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_result(self, results: Mapping[str, Any], rec: H.Recommendation) -> None:
        not_assessed = self.tr("未评")
        texts = {key: not_assessed for key in self.figures}
        if "kps" in results:
            k = results["kps"]
            texts["kps"] = f"{k['score']} — {k['description']}\n{k['band']}"
        if "pps" in results:
            texts["pps"] = f"{results['pps']['score']}%"
        if "ppi" in results:
            p = results["ppi"]
            texts["ppi"] = (
                self.tr("%1 分（%2 组）\n%3")
                .replace("%1", str(p["score"]))
                .replace("%2", str(p["group"]))
                .replace("%3", str(p["survival"]))
            )
        if "esas" in results:
            e = results["esas"]
            severe = "、".join(H.ESAS_ITEMS.get(k, k) for k in e["severe"])
            texts["esas"] = self.tr("总分 %1 / 90").replace("%1", str(e["total"])) + (
                "\n" + self.tr("重度：%1").replace("%1", severe) if severe else "\n" + self.tr("无重度症状")
            )
        for key in ("barthel", "self_care"):
            if key in results:
                texts[key] = (
                    self.tr("%1 分，%2")
                    .replace("%1", str(results[key]["total"]))
                    .replace("%2", str(results[key]["band"]))
                )
        for key, text in texts.items():
            self.figures[key].setText(text)
            self.figures[key].setStyleSheet(f"color: {MUTED_COLOUR};" if text == not_assessed else "")
        self.eligible.setText(self.tr("符合安宁疗护条件") if rec.eligible else self.tr("不符合安宁疗护条件"))
        colour = ELIGIBLE_COLOUR if rec.eligible else WARNING_COLOUR
        self.eligible.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.setting.setText(
            self.tr("%1安宁疗护").replace("%1", SETTINGS[rec.setting]) if rec.setting else DASH
        )
        self.setting.setStyleSheet("font-weight: bold;")
        self.reasons.setText("\n".join(f"• {r}" for r in rec.reasons))
        self.dying.setText(self.tr("提示：已进入临终阶段") if rec.dying_phase else "")
        self.dying.setVisible(rec.dying_phase)
        self.rule.setText(self.tr("规则版本 %1").replace("%1", rec.rule_version))
        self.error.show_message(None)

    def show_error(self, message: str) -> None:
        """An input the instruments do not allow: the service's message, and no conclusion."""
        for label in (*self.figures.values(), self.eligible, self.setting, self.reasons):
            label.setText(DASH)
            label.setStyleSheet("")
        self.dying.hide()
        self.error.show_message(message)


class AssessmentEditor(QDialog):
    """A new assessment for a resident, an unsigned one to change, or a signed one to read (and revise)."""

    saved = Signal(object)  # the assessment id, after it was saved, signed or revised

    def __init__(
        self,
        services: Services,
        resident_id: uuid.UUID,
        assessment_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        resident_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessment_editor")
        self.setWindowTitle(self.tr("安宁疗护评估"))
        self.services = services
        self.resident_id = resident_id
        self.resident_name = resident_name
        self.info: AssessmentInfo | None = None
        self.recommendation: H.Recommendation | None = None
        self._recommended: str | None = None  # the last setting the rule recommended
        self._chosen_by_user = False
        self._loading = True
        self.read_only = False
        self._initial: tuple[AssessmentDraft, str | None, str] | None = None
        self.writable = services.ctx.can(Permission.HOSPICE_WRITE)
        self.can_sign = services.ctx.can(Permission.HOSPICE_SIGN)

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setProperty("role", "title")
        self.status = QLabel()
        self.status.setObjectName("assessment_status")
        self.tampered = QLabel(self.tr("签署后内容已被改动，请核查。"))
        self.tampered.setObjectName("assessment_tampered")
        self.tampered.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.tampered.hide()

        self.columns = QWidget()
        self.columns.setObjectName("instruments")
        grid = QHBoxLayout(self.columns)
        grid.setContentsMargins(0, 0, 6, 0)
        grid.setSpacing(10)
        for column in (self._column_a(), self._column_b(), self._column_c()):
            grid.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setObjectName("instruments_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.columns)
        scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget#instruments { background: transparent; }"
        )
        scroll.viewport().setAutoFillBackground(False)

        self.panel = ResultPanel()
        panel_scroll = QScrollArea()
        panel_scroll.setObjectName("result_scroll")
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel_scroll.setWidget(self.panel)
        self.decision = self._decision_box()
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(panel_scroll, 1)
        right.addWidget(self.decision)
        right_box = QWidget()
        right_box.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        right_box.setFixedWidth(300)

        self.message = ErrorLabel()
        self.message.setObjectName("editor_error")
        self.revise_button = named_button("revise", self.tr("修订（新建版本）"), self.revise)
        self.save_button = named_button("save", self.tr("保存"), self.save)
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.sign_button = named_button("save_and_sign", self.tr("保存并签署"), self.save_and_sign)
        self.sign_button.setToolTip(self.tr("签署后评估被锁定，不能再修改"))
        self.cancel_button = named_button("cancel", self.tr("取消"), self.reject)
        self.cancel_button.setToolTip(self.tr("取消（Esc）"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)
        for b in (self.revise_button, self.save_button, self.sign_button, self.cancel_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(16)
        top.addWidget(self.status)
        top.addWidget(self.tampered)
        top.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(scroll, 1)
        body.addWidget(right_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        self.hint = _hint("")
        self.hint.setObjectName("editor_hint")
        layout.addWidget(self.hint)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        for widget in self._inputs():
            self._watch(widget)
        if assessment_id is not None:
            self.show_assessment(services.hospice.get(assessment_id))
        else:
            self._loading = False
            self._set_read_only(not self.writable)
            self._show_heading()
            self.refresh_result()
            self._initial = self.state()
        fit_to_screen(self, 1280, 820)

    # ------------------------------------------------------------------ building
    def _group(self, title: str, name: str, checkable: bool = False) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(name)
        if checkable:
            box.setCheckable(True)
            box.setChecked(False)
        return box

    @staticmethod
    def _form(box: QWidget) -> QFormLayout:
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        return form

    def _column_a(self) -> QVBoxLayout:
        """Diagnosis and prognosis, KPS, PPS v2 (with the guide) and PPI."""
        diagnosis = self._group(self.tr("诊断与预后"), "diagnosis_box")
        form = self._form(diagnosis)
        self.diagnosis = QLineEdit()
        self.diagnosis.setObjectName("diagnosis")
        self.diagnosis.setMaxLength(100)
        self.diagnosis.setPlaceholderText(self.tr("如 胰腺癌肝转移"))
        self.icd10 = QLineEdit()
        self.icd10.setObjectName("icd10")
        self.icd10.setMaxLength(16)
        self.icd10.setPlaceholderText(self.tr("如 C25.9"))
        self.survival = _number("survival_months", 0, SURVIVAL_MAX)
        self.survival.setMaximumWidth(160)
        self.survival.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.survival.setSpecialValueText(self.tr("未估计"))
        self.survival.setSuffix(self.tr(" 个月"))
        self.end_stage = _check("end_stage", self.tr("终末期疾病"))
        self.refractory_pain = _check("refractory_pain", self.tr("难治性疼痛"))
        flags = QHBoxLayout()
        flags.addWidget(self.end_stage)
        flags.addWidget(self.refractory_pain)
        flags.addStretch(1)
        form.addRow(self.tr("诊断"), self.diagnosis)
        form.addRow(self.tr("ICD-10"), self.icd10)
        form.addRow(self.tr("预计生存期"), self.survival)
        form.addRow(flags)

        kps_box = self._group(self.tr("KPS 卡氏功能状态评分"), "kps_box")
        self.kps = _combo(
            "kps",
            self.tr("（未评）"),
            {score: f"{score} — {text}" for score, text in H.KPS_DESCRIPTIONS.items()},
            keys=False,
        )
        for i in range(1, self.kps.count()):
            self.kps.setItemData(i, self.kps.itemText(i), Qt.ItemDataRole.ToolTipRole)
        QVBoxLayout(kps_box).addWidget(self.kps)

        pps_box = self._group(self.tr("PPS v2 姑息功能评价量表"), "pps_box")
        self.pps = _combo("pps", self.tr("（未评）"), {}, keys=False)
        for level in H.PPS_TABLE:
            self.pps.addItem(f"{level.score}% — {_pps_summary(level)}", level.score)
            self.pps.setItemData(self.pps.count() - 1, _pps_row(level), Qt.ItemDataRole.ToolTipRole)
        if 0 in H.PPS_SCORES:
            self.pps.addItem(self.tr("0% — 死亡"), 0)
        self.guide_button = QPushButton(self.tr("按栏目引导"))
        self.guide_button.setObjectName("pps_guide_toggle")
        self.guide_button.setCheckable(True)
        self.guide_button.setAutoDefault(False)
        self.guide_button.setToolTip(self.tr("按 PPS v2 的五个栏目逐栏选择，由左栏起确定 PPS 等级"))
        row = QHBoxLayout()
        row.addWidget(self.pps, 1)
        row.addWidget(self.guide_button)
        self.guide = QFrame()
        self.guide.setObjectName("pps_guide")
        self.guide.setFrameShape(QFrame.Shape.StyledPanel)
        guide_layout = QVBoxLayout(self.guide)
        guide_layout.setContentsMargins(8, 6, 8, 6)
        guide_form = QFormLayout()
        guide_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        guide_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        guide_form.setVerticalSpacing(5)
        please = self.tr("（请选择）")
        self.guide_combos = {
            "ambulation": _combo("pps_ambulation", please, H.AMBULATION),
            "activity": _combo("pps_activity", please, H.ACTIVITY),
            "self_care": _combo("pps_self_care", please, H.SELF_CARE),
            "intake": _combo("pps_intake", please, H.INTAKE),
            "conscious": _combo("pps_conscious", please, H.CONSCIOUS),
        }
        for key, label in (
            ("ambulation", self.tr("① 活动能力")),
            ("activity", self.tr("② 活动/疾病")),
            ("self_care", self.tr("③ 自我照顾")),
            ("intake", self.tr("④ 进食")),
            ("conscious", self.tr("⑤ 意识水平")),
        ):
            guide_form.addRow(label, self.guide_combos[key])
            self.guide_combos[key].currentIndexChanged.connect(self._guided)
        self.guide_result = _hint(self.tr("先定活动能力，再依次向右逐栏选择；左栏优先。"))
        self.guide_result.setObjectName("pps_guide_result")
        guide_layout.addLayout(guide_form)
        guide_layout.addWidget(self.guide_result)
        self.guide.hide()
        self.guide_button.toggled.connect(self.guide.setVisible)
        pps_layout = QVBoxLayout(pps_box)
        pps_layout.addLayout(row)
        pps_layout.addWidget(self.guide)

        self.ppi_box = self._group(self.tr("PPI 姑息预后指数"), "ppi_box", checkable=True)
        ppi_layout = QVBoxLayout(self.ppi_box)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.oral_intake = _combo("oral_intake", self.tr("（请选择）"), H.ORAL_INTAKE)
        self.oedema = _check("oedema", self.tr("水肿"))
        self.dyspnoea = _check("dyspnoea", self.tr("静息时呼吸困难"))
        self.delirium = _check("delirium", self.tr("谵妄"))
        form.addRow(self.tr("经口进食"), self.oral_intake)
        signs = QHBoxLayout()
        for box in (self.oedema, self.dyspnoea, self.delirium):
            signs.addWidget(box)
        signs.addStretch(1)
        ppi_layout.addLayout(form)
        ppi_layout.addLayout(signs)
        ppi_layout.addWidget(_hint(self.tr("PPI 按上面所评的 PPS 计算。")))

        column = QVBoxLayout()
        column.setSpacing(6)
        for group in (diagnosis, kps_box, pps_box, self.ppi_box):
            column.addWidget(group)
        column.addStretch(1)
        return column

    @staticmethod
    def _pairs(box: QGroupBox, fields: list[tuple[str, QWidget]]) -> QGridLayout:
        """Short fields two to a row, each after its label."""
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(5)
        for i, (label, field) in enumerate(fields):
            text = QLabel(label)
            text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(text, i // 2, (i % 2) * 2)
            grid.addWidget(field, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return grid

    def _column_b(self) -> QVBoxLayout:
        """ESAS-r, the Barthel index and 老年人生活自理能力."""
        self.esas_box = self._group(self.tr("ESAS-r 埃德蒙顿症状评估"), "esas_box", checkable=True)
        self.esas_items: dict[str, QSpinBox] = {}
        for key in H.ESAS_ITEMS:
            spin = _number(f"esas_{key}", 0, 10)
            spin.setToolTip(self.tr("0 = 无，10 = 可想象的最严重程度"))
            self.esas_items[key] = spin
        grid = self._pairs(self.esas_box, [(H.ESAS_ITEMS[k], spin) for k, spin in self.esas_items.items()])
        rows = (len(H.ESAS_ITEMS) + 1) // 2
        self.esas_by = _combo("esas_completed_by", self.tr("（请选择）"), H.ESAS_COMPLETED_BY)
        self.esas_other_name = QLineEdit()
        self.esas_other_name.setObjectName("esas_other_name")
        self.esas_other_name.setMaxLength(40)
        self.esas_other_name.setPlaceholderText(self.tr("其他问题（可选）"))
        self.esas_other_score = _number("esas_other_score", OTHER_NONE, 10)
        self.esas_other_score.setSpecialValueText(DASH)
        self.esas_other_score.setToolTip(self.tr("其他问题的评分，0–10"))
        other = QHBoxLayout()
        other.addWidget(self.esas_other_name, 3)
        other.addWidget(self.esas_other_score, 1)
        grid.addWidget(QLabel(self.tr("填写人")), rows, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.esas_by, rows, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("其他")), rows + 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addLayout(other, rows + 1, 1, 1, 3)
        grid.addWidget(_hint(self.tr("各项 0 = 无，10 = 可想象的最严重程度。")), rows + 2, 0, 1, 4)

        self.barthel_box = self._group(self.tr("Barthel 指数"), "barthel_box", checkable=True)
        self.barthel: dict[str, SearchableCombo] = {}
        for key, (_label, allowed) in H.BARTHEL_ITEMS.items():
            scores = {score: self.tr("%1 分").replace("%1", str(score)) for score in allowed}
            combo = _combo(f"barthel_{key}", DASH, scores)
            combo.setMinimumContentsLength(3)
            self.barthel[key] = combo
        self._pairs(self.barthel_box, [(H.BARTHEL_ITEMS[k][0], c) for k, c in self.barthel.items()])

        self.self_care_box = self._group(self.tr("老年人生活自理能力"), "self_care_box", checkable=True)
        self.self_care: dict[str, SearchableCombo] = {}
        levels = {level: H.SELF_CARE_LEVEL_LABELS[level] for level in H.SELF_CARE_LEVELS}
        for key in H.SELF_CARE_ITEMS:
            combo = _combo(f"self_care_{key}", DASH, levels)
            combo.setMinimumContentsLength(4)
            self.self_care[key] = combo
        self._pairs(self.self_care_box, [(H.SELF_CARE_ITEMS[k][0], c) for k, c in self.self_care.items()])

        column = QVBoxLayout()
        column.setSpacing(6)
        for group in (self.esas_box, self.barthel_box, self.self_care_box):
            column.addWidget(group)
        column.addStretch(1)
        return column

    def _column_c(self) -> QVBoxLayout:
        """Caregiver and wish, awareness and consent, 舒缓照护协调."""
        care = self._group(self.tr("照护条件、意愿与知情同意"), "care_box")
        grid = QGridLayout(care)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(5)
        self.caregiver = _check("caregiver", self.tr("有照护者"))
        self.caregiver_capable = _check("caregiver_capable", self.tr("照护者有能力"))
        self.caregiver_24h = _check("caregiver_24h", self.tr("24 小时照护"))
        self.home_suitable = _check("home_suitable", self.tr("居家环境适宜"))
        self.aware_diagnosis = _check("aware_diagnosis", self.tr("知晓诊断"))
        self.aware_prognosis = _check("aware_prognosis", self.tr("知晓预后"))
        self.consent_care = _check("consent_care", self.tr("同意安宁疗护"))
        self.consent_share = _check("consent_share", self.tr("同意信息共享"))
        self.caregiver_capable.setToolTip(self.tr("照护者有能力照护患者"))
        self.caregiver_24h.setToolTip(self.tr("有人 24 小时在家照护"))
        self.consent_care.setToolTip(self.tr("知情同意接受安宁疗护（不再进行治愈性治疗）"))
        self.consent_share.setToolTip(self.tr("同意在医疗机构之间共享评估信息"))
        self.wish = _combo(
            "wish", None, {"": self.tr("未表达"), "home": self.tr("居家"), "inpatient": self.tr("机构")}
        )
        wish_row = QHBoxLayout()
        wish_row.addWidget(QLabel(self.tr("患者/家属意愿")))
        wish_row.addWidget(self.wish, 1)
        for i, box in enumerate(
            (self.caregiver, self.caregiver_capable, self.caregiver_24h, self.home_suitable)
        ):
            grid.addWidget(box, i // 2, i % 2)
        grid.addLayout(wish_row, 2, 0, 1, 2)
        for i, box in enumerate(
            (self.aware_diagnosis, self.aware_prognosis, self.consent_care, self.consent_share)
        ):
            grid.addWidget(box, 3 + i // 2, i % 2)

        coordination = self._group(self.tr("舒缓照护协调"), "coordination_box")
        form = self._form(coordination)
        self.coordination: dict[str, QComboBox | QLineEdit] = {}
        empty = self.tr("（未填）")
        for key, label in H.COORDINATION.items():
            field: QComboBox | QLineEdit
            if key in H.PLACE_ITEMS:
                field = _combo(f"coordination_{key}", empty, H.PLACES)
            elif key == "cpr":
                field = _combo("coordination_cpr", empty, H.CPR_DECISIONS)
            else:
                field = QLineEdit()
                field.setObjectName(f"coordination_{key}")
                field.setMaxLength(200)
            self.coordination[key] = field
            form.addRow(label, field)

        column = QVBoxLayout()
        column.setSpacing(6)
        for group in (care, coordination):
            column.addWidget(group)
        column.addStretch(1)
        return column

    def _decision_box(self) -> QGroupBox:
        box = self._group(self.tr("安排"), "decision_box")
        self.setting_buttons: dict[str | None, QRadioButton] = {
            "home": QRadioButton(self.tr("居家")),
            "inpatient": QRadioButton(self.tr("机构")),
            None: QRadioButton(self.tr("暂不安排")),
        }
        self.setting_group = QButtonGroup(self)
        row = QHBoxLayout()
        for key, button in self.setting_buttons.items():
            button.setObjectName(f"setting_{key or 'none'}")
            self.setting_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.setting_group.buttonClicked.connect(self._setting_clicked)
        self.override_label = QLabel(self.tr("与建议不同的理由（必填）"))
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("override_reason")
        self.override_reason.setMaxLength(200)
        self.errors = {"override_reason": ErrorLabel(), "chosen_setting": ErrorLabel()}
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.errors["chosen_setting"])
        layout.addWidget(self.override_label)
        layout.addWidget(stacked(self.override_reason, self.errors["override_reason"]))
        return box

    def _inputs(self) -> list[QWidget]:
        fixed: list[QWidget] = [
            self.diagnosis,
            self.icd10,
            self.survival,
            self.end_stage,
            self.refractory_pain,
            self.kps,
            self.pps,
            self.ppi_box,
            self.oral_intake,
            self.oedema,
            self.dyspnoea,
            self.delirium,
            self.esas_box,
            self.esas_by,
            self.esas_other_name,
            self.esas_other_score,
            self.barthel_box,
            self.self_care_box,
            self.caregiver,
            self.caregiver_capable,
            self.caregiver_24h,
            self.home_suitable,
            self.wish,
            self.aware_diagnosis,
            self.aware_prognosis,
            self.consent_care,
            self.consent_share,
        ]
        return [
            *fixed,
            *self.esas_items.values(),
            *self.barthel.values(),
            *self.self_care.values(),
            *self.coordination.values(),
        ]

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._changed)
        elif isinstance(widget, QCheckBox | QGroupBox):
            widget.toggled.connect(self._changed)

    # ------------------------------------------------------------------ the form's value
    def draft(self) -> AssessmentDraft:
        """What the form says now, as the service takes it (a left-out instrument is None)."""
        return AssessmentDraft(
            diagnosis=self.diagnosis.text().strip(),
            icd10=self.icd10.text().strip(),
            end_stage=self.end_stage.isChecked(),
            survival_months=self.survival.value() or None,
            kps=self.kps.currentData(),
            pps=self.pps.currentData(),
            ppi=self._ppi(),
            esas=self._esas(),
            barthel=self._chosen_items(self.barthel_box, self.barthel),
            self_care=self._chosen_items(self.self_care_box, self.self_care),
            refractory_pain=self.refractory_pain.isChecked(),
            caregiver=self.caregiver.isChecked(),
            caregiver_capable=self.caregiver_capable.isChecked(),
            caregiver_24h=self.caregiver_24h.isChecked(),
            home_suitable=self.home_suitable.isChecked(),
            wish=str(self.wish.currentData() or ""),
            aware_diagnosis=self.aware_diagnosis.isChecked(),
            aware_prognosis=self.aware_prognosis.isChecked(),
            consent_care=self.consent_care.isChecked(),
            consent_share=self.consent_share.isChecked(),
            coordination=self._coordination(),
        )

    def _ppi(self) -> dict[str, Any] | None:
        if not self.ppi_box.isChecked():
            return None
        return {
            "oral_intake": str(self.oral_intake.currentData() or ""),
            "oedema": self.oedema.isChecked(),
            "dyspnoea": self.dyspnoea.isChecked(),
            "delirium": self.delirium.isChecked(),
        }

    def _esas(self) -> dict[str, Any] | None:
        if not self.esas_box.isChecked():
            return None
        value: dict[str, Any] = {
            "items": {key: spin.value() for key, spin in self.esas_items.items()},
            "completed_by": str(self.esas_by.currentData() or ""),
        }
        name, score = self.esas_other_name.text().strip(), self.esas_other_score.value()
        if name or score != OTHER_NONE:
            value["other_name"] = name
            value["other_score"] = None if score == OTHER_NONE else score
        return value

    @staticmethod
    def _chosen_items(box: QGroupBox, combos: Mapping[str, QComboBox]) -> dict[str, Any] | None:
        """The items chosen so far (an item left at "—" is missing, and the service says which)."""
        if not box.isChecked():
            return None
        return {key: combo.currentData() for key, combo in combos.items() if combo.currentData() is not None}

    def _coordination(self) -> dict[str, str]:
        out = {}
        for key, field in self.coordination.items():
            value = str(field.currentData() or "") if isinstance(field, QComboBox) else field.text().strip()
            if value:
                out[key] = value
        return out

    def chosen_setting(self) -> str | None:
        for key, button in self.setting_buttons.items():
            if button.isChecked():
                return key
        return None

    def state(self) -> tuple[AssessmentDraft, str | None, str]:
        """Everything a save would write (to tell whether something changed)."""
        return self.draft(), self.chosen_setting(), self.override_reason.text().strip()

    def is_dirty(self) -> bool:
        return self.state() != self._initial

    # ------------------------------------------------------------------ loading
    def show_assessment(self, info: AssessmentInfo) -> None:
        """Fill the form from a stored assessment: editable when unsigned, read-only when signed."""
        self._loading = True
        self.info = info
        self._fill(info.draft)
        self._recommended = info.recommended_setting
        self.setting_buttons[info.chosen_setting if info.chosen_setting in SETTINGS else None].setChecked(
            True
        )
        self._chosen_by_user = info.chosen_setting != info.recommended_setting
        self.override_reason.setText(info.override_reason)
        self._loading = False
        self._set_read_only(info.signed or not self.writable)
        self._show_heading()
        if info.signed:
            self._show_stored(info)
        else:
            self.refresh_result()
        self._initial = self.state()

    def load_draft(self, draft: AssessmentDraft) -> None:
        """Put a draft's values into the form (as if typed) and show its result."""
        if self.read_only:
            return
        self._loading = True
        self._fill(draft)
        self._loading = False
        self.refresh_result()

    def _fill(self, d: AssessmentDraft) -> None:
        self.diagnosis.setText(d.diagnosis)
        self.icd10.setText(d.icd10)
        self.end_stage.setChecked(d.end_stage)
        self.survival.setValue(d.survival_months or 0)
        self.refractory_pain.setChecked(d.refractory_pain)
        self.kps.select(d.kps)
        self.pps.select(d.pps)
        self.ppi_box.setChecked(d.ppi is not None)
        ppi = d.ppi or {}
        self.oral_intake.select(ppi.get("oral_intake"))
        self.oedema.setChecked(bool(ppi.get("oedema")))
        self.dyspnoea.setChecked(bool(ppi.get("dyspnoea")))
        self.delirium.setChecked(bool(ppi.get("delirium")))
        self.esas_box.setChecked(d.esas is not None)
        esas = d.esas or {}
        items = esas.get("items", {})
        for key, spin in self.esas_items.items():
            spin.setValue(int(items.get(key, 0)))
        self.esas_by.select(esas.get("completed_by"))
        self.esas_other_name.setText(str(esas.get("other_name") or ""))
        other = esas.get("other_score")
        self.esas_other_score.setValue(OTHER_NONE if other is None else int(other))
        for group, combos, chosen in (
            (self.barthel_box, self.barthel, d.barthel),
            (self.self_care_box, self.self_care, d.self_care),
        ):
            group.setChecked(chosen is not None)
            for key, combo in combos.items():
                combo.select((chosen or {}).get(key))
        for box, value in (
            (self.caregiver, d.caregiver),
            (self.caregiver_capable, d.caregiver_capable),
            (self.caregiver_24h, d.caregiver_24h),
            (self.home_suitable, d.home_suitable),
            (self.aware_diagnosis, d.aware_diagnosis),
            (self.aware_prognosis, d.aware_prognosis),
            (self.consent_care, d.consent_care),
            (self.consent_share, d.consent_share),
        ):
            box.setChecked(value)
        self.wish.select(d.wish)
        for key, item in self.coordination.items():
            text = str(d.coordination.get(key, ""))
            if isinstance(item, SearchableCombo):
                item.select(text or None)
            elif isinstance(item, QLineEdit):
                item.setText(text)

    def _show_stored(self, info: AssessmentInfo) -> None:
        """A signed assessment shows what was signed (its stored results), not a new computation."""
        try:
            replayed: H.Recommendation | None = self.services.hospice.replay(info.id)
        except (ServiceError, DomainError):
            replayed = None
        rec = H.Recommendation(
            info.eligible,
            info.recommended_setting,
            info.reasons,
            replayed.dying_phase if replayed is not None else False,
            info.rule_version,
        )
        self.recommendation = rec
        self.panel.show_result(info.results, rec)
        if replayed is not None and (replayed.eligible, replayed.setting) != (rec.eligible, rec.setting):
            now = SETTINGS.get(replayed.setting or "", self.tr("不符合条件"))
            self.panel.error.show_message(
                self.tr("按现行规则（版本 %1）的结果为：%2")
                .replace("%1", replayed.rule_version)
                .replace("%2", now)
            )
        self._show_override()
        self.tampered.setVisible(not self.services.hospice.verify(info.id))

    def _show_heading(self) -> None:
        who = f" — {self.resident_name}" if self.resident_name else ""
        self.heading.setText(self.tr("安宁疗护评估") + who)
        info = self.info
        if info is None:
            self.status.setText(self.tr("新建评估"))
            self.tampered.hide()
            return
        state = self.tr("已签署（只读）") if info.signed else self.tr("未签署")
        self.status.setText(
            self.tr("第 %1 版　%2 评估　%3")
            .replace("%1", str(info.version))
            .replace("%2", info.assessed_on.isoformat())
            .replace("%3", state)
        )
        if not info.signed:
            self.tampered.hide()

    def _set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.columns.setEnabled(not read_only)
        self.decision.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.sign_button.setVisible(not read_only and self.can_sign)
        signed = self.info is not None and self.info.signed
        self.revise_button.setVisible(signed and self.writable)
        self.cancel_button.setText(self.tr("关闭") if read_only else self.tr("取消"))
        if signed:
            hint = self.tr("已签署的评估不能修改，右侧为签署时的结果；如需更改，请“修订”为新版本。")
        elif read_only:
            hint = self.tr("您的角色只能查看安宁疗护评估。")
        else:
            hint = self.tr(
                "勾选量表标题即评估该量表，未勾选、未选择的视为未评。"
                "右侧结果随填写即时更新；安排默认按建议，改为其他安排须写明理由。"
            )
        self.hint.setText(hint)

    # ------------------------------------------------------------------ reactions
    def _changed(self) -> None:
        if not self._loading and not self.read_only:
            self.refresh_result()

    def refresh_result(self) -> None:
        """Ask the service what the form's inputs give, and show it (or what is wrong with them)."""
        try:
            results, rec = self.services.hospice.preview(self.draft())
        except ValidationFailed as exc:
            self.recommendation = None
            self.panel.show_error("；".join(exc.errors.values()))
        except ServiceError as exc:
            self.recommendation = None
            self.panel.show_error(str(exc))
        else:
            self.recommendation = rec
            self._recommended = rec.setting
            self.panel.show_result(results, rec)
            if not self._chosen_by_user:
                self.setting_buttons[rec.setting].setChecked(True)
        self._show_override()

    def _setting_clicked(self, button: QAbstractButton) -> None:
        chosen = next(key for key, b in self.setting_buttons.items() if b is button)
        # Choosing what the rule recommends hands the choice back to the rule.
        self._chosen_by_user = chosen != self._recommended
        self._show_override()

    def _show_override(self) -> None:
        differs = self.chosen_setting() != self._recommended
        self.override_label.setVisible(differs)
        self.override_reason.setVisible(differs)
        if not differs:
            self.errors["override_reason"].show_message(None)

    def _guided(self) -> None:
        """All five columns chosen: the PPS level by the left-column-first rule sets the PPS combo."""
        values = {key: combo.currentData() for key, combo in self.guide_combos.items()}
        if any(v is None for v in values.values()):
            return
        try:
            score = H.pps_guided(**values)
        except DomainError as exc:
            self.guide_result.setText(exc.message)
            return
        self.pps.select(score)
        self.guide_result.setText(self.tr("按栏目引导：PPS %1%").replace("%1", str(score)))

    # ------------------------------------------------------------------ actions
    def _clear_messages(self) -> None:
        self.message.show_message(None)
        for label in self.errors.values():
            label.show_message(None)

    def _refused(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationFailed):
            rest = []
            for key, text in exc.errors.items():
                if key in self.errors:
                    self.errors[key].show_message(text)
                else:
                    rest.append(text)
            if rest:
                self.panel.error.show_message("；".join(rest))
                self.message.show_message(self.tr("请先改正右侧红字所示的问题"))
        else:
            self.message.show_message(str(exc))

    def _write(self) -> AssessmentInfo | None:
        self._clear_messages()
        unsigned = self.info if self.info is not None and not self.info.signed else None
        try:
            saved = self.services.hospice.save(
                self.resident_id,
                self.draft(),
                self.chosen_setting(),
                self.override_reason.text(),
                unsigned.id if unsigned is not None else None,
            )
        except ServiceError as exc:
            self._refused(exc)
            return None
        self.info = saved
        return saved

    def save(self) -> bool:
        if self.read_only:
            return False
        saved = self._write()
        if saved is None:
            return False
        self.saved.emit(saved.id)
        self.accept()
        return True

    def save_and_sign(self) -> bool:
        if self.read_only or not self.can_sign:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("保存并签署"),
            self.tr("签署后评估将被锁定，不能再修改；如需更改只能修订为新版本。确定保存并签署吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        saved = self._write()
        if saved is None:
            return False
        try:
            signed = self.services.hospice.sign(saved.id)
        except ServiceError as exc:
            # Saved but not signed: a second press signs this record instead of making another.
            self._show_heading()
            self._initial = self.state()
            self.saved.emit(saved.id)
            self.message.show_message(self.tr("已保存，但未能签署：%1").replace("%1", str(exc)))
            return False
        self.info = signed
        self.saved.emit(signed.id)
        self.accept()
        return True

    def revise(self) -> bool:
        """A signed assessment: start a new, unsigned version carrying its inputs, and edit that."""
        if self.info is None or not self.info.signed:
            return False
        self._clear_messages()
        try:
            new = self.services.hospice.revise(self.info.id)
        except ServiceError as exc:
            self.message.show_message(str(exc))
            return False
        self.show_assessment(new)
        self.saved.emit(new.id)
        return True

    def reject(self) -> None:
        if (
            not self.read_only
            and self.is_dirty()
            and not ask_discard(self, self.tr("有未保存的修改。放弃这些修改吗？"))
        ):
            return
        super().reject()
