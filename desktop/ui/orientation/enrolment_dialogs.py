"""Who comes to an orientation session and who came: enrol a household (or its adults)
and record attendance.

The households to choose from are read in the background when the enrol dialog opens
and narrowed on the GUI thread as the clerk types. OK runs the service call in the
background (``FormDialog``); a refusal (a full session, a member booked elsewhere at
that time, attendance before the start) stays inside the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.office.clock import OfficeClock
from desktop.services.registry.lists import CaseSummary
from desktop.services.schedule.orientation import EnrolmentRecord, SessionRecord
from desktop.ui.kit import operations, palette
from desktop.ui.kit.forms import FormDialog
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.operations import QueryOp
from desktop.ui.kit.tables import RecordListModel, RightToLeftDelegate, fit_table, record_table
from desktop.ui.kit.widgets import muted
from desktop.ui.orientation.models import (
    CASE_PICK_COLUMNS,
    age_text,
    language_title,
    session_long_when,
)

#: matches shown at most while the clerk narrows the list down
MAX_MATCHES = 200


def _about(session: SessionRecord) -> str:
    """When, in which language and where: the line that opens each dialog."""
    return tr("{when} · {language} · {place}").format(
        when=session_long_when(session),
        language=language_title(session.language),
        place=session.location_name,
    )


class EnrolHouseholdDialog(FormDialog):
    """Pick a household by its case number and enrol its members (or its adults).

    ``load_cases`` (run in the background) gives every household; the list is
    narrowed on the GUI thread as the clerk types. OK runs the ``submit`` action
    with ``(case_id, adults_only)``.
    """

    def __init__(
        self,
        parent: QWidget | None,
        session: SessionRecord,
        load_cases: Callable[[], list[CaseSummary]],
    ) -> None:
        super().__init__(parent, tr("Enrol a household"))
        self.setObjectName("enrolDialog")
        self.setMinimumSize(640, 480)
        self._cases: list[CaseSummary] = []
        #: the households are in (the list narrows only from then on)
        self._loaded = False
        self._language = session.language
        seats = plural(session.free_seats, tr_noop("{n} seat free"), tr_noop("{n} seats free"))
        self.body.addWidget(
            muted(tr("{session} · {seats}").format(session=_about(session), seats=seats), self)
        )
        form = QFormLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(tr("type part of the case number, e.g. 00042"))
        self.search.setClearButtonEnabled(True)
        form.addRow(tr("&Case number"), self.search)
        self.body.addLayout(form)
        self.model: RecordListModel[CaseSummary] = RecordListModel(CASE_PICK_COLUMNS)
        self.model.setParent(self)
        self.table = record_table(self, "casePickTable", self.model, row_padding=12)
        self.table.activated.connect(lambda _i: self._try_accept())
        self.body.addWidget(self.table, 1)
        self.count = muted(tr("Loading the households…"), self)
        self.count.setObjectName("caseCount")
        self.body.addWidget(self.count)
        self.language_note = muted("", self)
        self.language_note.setObjectName("languageNote")
        self.language_note.setStyleSheet(palette.text_style(palette.WARNING))
        self.language_note.hide()
        self.body.addWidget(self.language_note)
        self.adults_only = QCheckBox(
            tr(
                "Only members of orientation age (the office setting; unknown ages count as adults)"
            ),
            self,
        )
        self.adults_only.setObjectName("adultsOnly")
        self.adults_only.setChecked(True)
        self.body.addWidget(self.adults_only)
        self.finish_layout()
        self.search.textChanged.connect(lambda _t: self._narrow())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._chosen_changed())
        self.search.setFocus()
        QueryOp(self, load_cases).success(self._cases_loaded).failure(self._cases_failed).run()

    def _cases_loaded(self, cases: list[CaseSummary]) -> None:
        self._loaded = True
        self._cases = [c for c in cases if c.members > 0]
        self._narrow()
        fit_table(self.table, CASE_PICK_COLUMNS)

    def _cases_failed(self, error: KnownError) -> None:
        self._loaded = True  # typing narrows an empty list
        self.count.setText("")
        self.message.show_error(error.message)

    def _narrow(self) -> None:
        if not self._loaded:
            return
        typed = "".join(self.search.text().split()).upper()
        matches = [c for c in self._cases if typed in c.case_number.upper()] if typed else []
        self.count.setText(self._count_text(typed, len(matches)))
        shown = matches[:MAX_MATCHES] if typed else self._cases[:MAX_MATCHES]
        self.model.set_rows(shown)
        if len(matches) == 1 or (shown and typed):
            self.table.selectRow(0)

    def _count_text(self, typed: str, matches: int) -> str:
        if typed and not matches:
            return tr("No household has that in its case number.")
        if not typed:
            return tr("{count} households: type to find one.").format(count=f"{len(self._cases):,}")
        if matches > MAX_MATCHES:
            return tr(
                "{count} households match; the first {shown} are shown. "
                "Type more of the case number."
            ).format(count=f"{matches:,}", shown=MAX_MATCHES)
        return plural(matches, tr_noop("{n} household matches."), tr_noop("{n} households match."))

    def _chosen_changed(self) -> None:
        case = self.chosen()
        language = case.family_language if case else None
        differs = language is not None and language != self._language
        self.language_note.setText(
            tr("The family's language is {family}; this session is in {session}.").format(
                family=language_title(language), session=language_title(self._language)
            )
            if differs
            else ""
        )
        self.language_note.setVisible(differs)

    def chosen(self) -> CaseSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def problem(self) -> str | None:
        return None if self.chosen() is not None else tr("Choose the household to enrol.")

    def value(self) -> tuple[str, bool]:
        case = self.chosen()
        return (case.id if case else "", self.adults_only.isChecked())

    def done(self, result: int) -> None:
        operations.abandon(self)  # the households may still be on their way: drop them
        super().done(result)


_ATTENDANCE_HEADERS = (
    tr_noop("Came"),
    tr_noop("Case number"),
    tr_noop("Name"),
    tr_noop("Name (native script)"),
    tr_noop("Age"),
)


class AttendanceDialog(FormDialog):
    """A tick for each person who came; OK records everyone (unticked: did not come)."""

    def __init__(
        self,
        parent: QWidget | None,
        session: SessionRecord,
        enrolments: Sequence[EnrolmentRecord],
        clock: OfficeClock,
    ) -> None:
        super().__init__(parent, tr("Record attendance"))
        self.setObjectName("attendanceDialog")
        self.setMinimumSize(680, 420)
        self._ids = [e.person_id for e in enrolments]
        self.body.addWidget(
            muted(
                tr(
                    "{session}. Tick everyone who came; those not ticked are recorded as not "
                    "having come."
                ).format(session=_about(session)),
                self,
            )
        )
        if session.starts_at > clock.now():
            self.body.addWidget(
                muted(
                    tr("This session has not started yet: attendance can be recorded once it has."),
                    self,
                )
            )
        self.table = self._build_table(enrolments)
        self.body.addWidget(self.table, 1)
        row_of_buttons = QHBoxLayout()
        self.all_button = QPushButton(tr("Everyone &came"), self)
        self.all_button.setObjectName("allCame")
        self.none_button = QPushButton(tr("&Clear the ticks"), self)
        self.none_button.setObjectName("noneCame")
        self.all_button.clicked.connect(lambda _c=False: self.set_all(True))
        self.none_button.clicked.connect(lambda _c=False: self.set_all(False))
        row_of_buttons.addWidget(self.all_button)
        row_of_buttons.addWidget(self.none_button)
        row_of_buttons.addStretch(1)
        self.present = QLabel(self)
        self.present.setObjectName("presentCount")
        row_of_buttons.addWidget(self.present)
        self.body.addLayout(row_of_buttons)
        self.finish_layout()
        self.table.itemChanged.connect(lambda _item: self._count())
        self._count()

    def _build_table(self, enrolments: Sequence[EnrolmentRecord]) -> QTableWidget:
        table = QTableWidget(len(enrolments), len(_ATTENDANCE_HEADERS), self)
        table.setObjectName("attendanceTable")
        table.setHorizontalHeaderLabels([tr(title) for title in _ATTENDANCE_HEADERS])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        table.setItemDelegateForColumn(3, RightToLeftDelegate(table))
        #: the tick of each person, in the order of ``_ids``
        self._ticks: list[QTableWidgetItem] = []
        native_alignment = (
            Qt.AlignmentFlag.AlignRight
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
        for row, enrolment in enumerate(enrolments):
            came = QTableWidgetItem("")
            came.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            came.setCheckState(
                Qt.CheckState.Checked if enrolment.attended else Qt.CheckState.Unchecked
            )
            came.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                tr("{name} came").format(name=enrolment.name),
            )
            table.setItem(row, 0, came)
            self._ticks.append(came)
            values = (enrolment.case_number, enrolment.name, enrolment.native_name)
            for column, text in enumerate(values, start=1):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(text)
                if column == 3:
                    item.setTextAlignment(native_alignment)
                table.setItem(row, column, item)
            age = QTableWidgetItem(age_text(enrolment.age))
            age.setFlags(Qt.ItemFlag.ItemIsEnabled)
            age.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 4, age)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def set_all(self, came: bool) -> None:
        state = Qt.CheckState.Checked if came else Qt.CheckState.Unchecked
        for tick in self._ticks:
            tick.setCheckState(state)

    def set_came(self, person_id: str, came: bool) -> None:
        state = Qt.CheckState.Checked if came else Qt.CheckState.Unchecked
        self._ticks[self._ids.index(person_id)].setCheckState(state)

    def _count(self) -> None:
        came = sum(self.value().values())
        self.present.setText(
            tr("{came} of {enrolled} came").format(came=came, enrolled=len(self._ids))
        )

    def problem(self) -> str | None:
        return None if self._ids else tr("Nobody is enrolled in this session.")

    def value(self) -> dict[str, bool]:
        return {
            person_id: tick.checkState() == Qt.CheckState.Checked
            for person_id, tick in zip(self._ids, self._ticks, strict=True)
        }
