"""Places of appointments: the dialog that adds or changes one, and how the list reads.

The limits of a place (name, capacity, slot length) are checked by
``validate_place`` as the admin types; the spin boxes allow a wider range so its
message, not a silent clamp, says what is wrong.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QSizePolicy, QSpinBox, QWidget

from desktop.services.schedule.places import PlaceInput, PlaceRecord, validate_place
from desktop.services.vocabulary import LOCATION_KINDS
from desktop.ui.kit.forms import CheckedFormDialog, add_checked_rows, combo, select_data
from desktop.ui.kit.i18n import plural, tr, tr_noop
from desktop.ui.kit.tables import Column, RecordListModel, words
from desktop.ui.kit.widgets import muted

#: how each kind of place reads
KIND_TITLES = {
    "office": tr_noop("IOM office"),
    "clinic": tr_noop("Clinic"),
    "embassy": tr_noop("Embassy"),
    "hotel": tr_noop("Hotel"),
    "other": tr_noop("Other"),
}
#: what an untouched field still lacks, as the "Still needed" line names it
_FIELD_TITLES = {
    "name": tr_noop("a name"),
    "slot_minutes": tr_noop("a slot length"),
    "capacity": tr_noop("a capacity"),
}
#: wider than any valid value: validate_place says what the limits are
_SPIN_MAX = 999


def kind_title(kind: str) -> str:
    return tr(KIND_TITLES[kind]) if kind in KIND_TITLES else words(kind)


def _capacity(place: PlaceRecord) -> str:
    return plural(place.capacity, tr_noop("{n} at a time"), tr_noop("{n} at a time"))


def _slot(place: PlaceRecord) -> str:
    return tr("{minutes} min").format(minutes=place.slot_minutes)


def _in_use(place: PlaceRecord) -> str:
    return tr("Yes") if place.active else tr("No (retired)")


PLACE_COLUMNS: list[Column[PlaceRecord]] = [
    Column(tr_noop("Name"), lambda p: p.name, sample="IOM office, interview room 2", tip=True),
    Column(tr_noop("Kind"), lambda p: kind_title(p.kind), sample="IOM office"),
    Column(tr_noop("Address"), lambda p: p.address, sample="Rruga Lidhja e Prizrenit 12", tip=True),
    Column(tr_noop("Capacity"), _capacity, sample="10 at a time"),
    Column(tr_noop("Slot"), _slot, sample="480 min", header_tip=tr_noop("Slot length")),
    Column(tr_noop("In use"), _in_use, sample="No (retired)"),
]


def places_model() -> RecordListModel[PlaceRecord]:
    return RecordListModel(PLACE_COLUMNS)


class PlaceDialog(CheckedFormDialog):
    """Add a place (``place`` None) or change one; OK runs the ``submit`` action with
    the ``PlaceInput``. Unticking "in use" retires the place: past appointments keep
    it, new ones cannot be booked there."""

    def __init__(
        self,
        parent: QWidget | None,
        place: PlaceRecord | None = None,
        *,
        default_slot_minutes: int = 30,
    ) -> None:
        super().__init__(
            parent, tr("Place: {name}").format(name=place.name) if place else tr("Add a place")
        )
        self.setObjectName("placeDialog")
        self.setMinimumWidth(520)
        self.place_id = place.id if place else None
        self.body.addWidget(
            muted(
                tr(
                    "Where families come for interviews, medical checks and other appointments. "
                    "Families see the name, address and map line on their slips."
                ),
                self,
            )
        )
        self._form = self._build_form(default_slot_minutes)
        self.body.addLayout(self._form)
        self.add_still_needed()
        self.finish_layout()

        if place is not None:
            self.set_value(
                PlaceInput(
                    name=place.name,
                    kind=place.kind,
                    address=place.address,
                    map_line=place.map_line,
                    capacity=place.capacity,
                    slot_minutes=place.slot_minutes,
                    active=place.active,
                )
            )
            self._touched.update(self._errors)
        self.name.textChanged.connect(lambda _t: self._changed("name"))
        self.address.textChanged.connect(lambda _t: self._changed("address"))
        self.map_line.textChanged.connect(lambda _t: self._changed("map_line"))
        self.kind.currentIndexChanged.connect(lambda _i: self._changed("kind"))
        self.capacity.valueChanged.connect(lambda _v: self._changed("capacity"))
        self.slot_minutes.valueChanged.connect(lambda _v: self._changed("slot_minutes"))
        self.revalidate()
        self.name.setFocus()

    def _build_form(self, default_slot_minutes: int) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(self)
        self.name.setObjectName("placeName")
        self.name.setPlaceholderText(tr("e.g. IOM office, interview room 2"))
        self.kind = combo(self, "placeKind", LOCATION_KINDS, KIND_TITLES)
        self.address = QLineEdit(self)
        self.address.setObjectName("placeAddress")
        self.address.setPlaceholderText(tr("street and town, as printed on the slip"))
        self.map_line = QLineEdit(self)
        self.map_line.setObjectName("placeMapLine")
        self.map_line.setPlaceholderText(tr("e.g. next to the harbour mosque, blue gate"))
        self.capacity = QSpinBox(self)
        self.capacity.setObjectName("placeCapacity")
        self.capacity.setRange(0, _SPIN_MAX)
        self.capacity.setSuffix(tr(" at a time"))
        self.capacity.setValue(1)
        self.capacity.setToolTip(tr("How many appointments can run here at the same time"))
        self.slot_minutes = QSpinBox(self)
        self.slot_minutes.setObjectName("placeSlotMinutes")
        self.slot_minutes.setRange(0, _SPIN_MAX)
        self.slot_minutes.setSingleStep(5)
        self.slot_minutes.setSuffix(tr(" minutes"))
        self.slot_minutes.setValue(default_slot_minutes)
        self.slot_minutes.setToolTip(tr("The usual length of one appointment here"))
        for spin in (self.capacity, self.slot_minutes):
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            width = spin.fontMetrics().horizontalAdvance("000" + tr(" minutes")) + 40
            spin.setMinimumWidth(width)
        self.active = QCheckBox(tr("In use (untick to retire the place)"), self)
        self.active.setObjectName("placeActive")
        self.active.setChecked(True)
        self.active.setToolTip(
            tr("A retired place stays on past appointments but cannot be chosen for new ones.")
        )
        rows: list[tuple[str, str, QWidget]] = [
            ("name", tr("&Name"), self.name),
            ("kind", tr("&Kind"), self.kind),
            ("address", tr("&Address"), self.address),
            ("map_line", tr("&Map line"), self.map_line),
            ("capacity", tr("&Capacity"), self.capacity),
            ("slot_minutes", tr("&Slot length"), self.slot_minutes),
            ("active", "", self.active),
        ]
        self._errors.update(add_checked_rows(self, form, rows))
        return form

    def set_value(self, data: PlaceInput) -> None:
        self.name.setText(data.name)
        select_data(self.kind, data.kind)
        self.address.setText(data.address)
        self.map_line.setText(data.map_line)
        self.capacity.setValue(data.capacity)
        self.slot_minutes.setValue(data.slot_minutes)
        self.active.setChecked(data.active)

    def value(self) -> PlaceInput:
        return PlaceInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            address=self.address.text(),
            map_line=self.map_line.text(),
            capacity=self.capacity.value(),
            slot_minutes=self.slot_minutes.value(),
            active=self.active.isChecked(),
        )

    def problems(self) -> dict[str, str]:
        return validate_place(self.value())

    def _untouched_problems(self, names: list[str]) -> None:
        self.show_still_needed([tr(_FIELD_TITLES[n]) if n in _FIELD_TITLES else n for n in names])

    # -- across an auto-lock ----------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        data = self.value()
        return {
            "place_id": self.place_id,
            "name": data.name,
            "kind": data.kind,
            "address": data.address,
            "map_line": data.map_line,
            "capacity": data.capacity,
            "slot_minutes": data.slot_minutes,
            "active": data.active,
        }

    def restore(self, draft: dict[str, Any]) -> None:
        def text(key: str) -> str:
            value = draft.get(key)
            return value if isinstance(value, str) else ""

        def number(key: str, default: int) -> int:
            value = draft.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else default

        self.set_value(
            PlaceInput(
                name=text("name"),
                kind=text("kind") or LOCATION_KINDS[0],
                address=text("address"),
                map_line=text("map_line"),
                capacity=number("capacity", 1),
                slot_minutes=number("slot_minutes", self.slot_minutes.value()),
                active=draft.get("active") is not False,
            )
        )
        self._touched.update(self._errors)
        self.revalidate()
