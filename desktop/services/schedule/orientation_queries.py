"""The queries orientation records are read with: sessions with their seat counts, and
who is enrolled where.

``OrientationService`` turns the rows into ``SessionRecord`` and ``EnrolmentRecord``;
the queries are here so the service reads as what it shows, not how it is fetched.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import Select, case, func, select

from desktop.store.models import Case, Location, OrientationEnrolment, OrientationSession, Person


def session_query() -> Select[OrientationSession, str, int, int]:
    """Sessions with their place's name, how many are enrolled and how many attended."""
    counts = (
        select(
            OrientationEnrolment.session_id.label("session_id"),
            func.count().label("enrolled"),
            func.sum(case((OrientationEnrolment.attended.is_(True), 1), else_=0)).label("attended"),
        )
        .group_by(OrientationEnrolment.session_id)
        .subquery()
    )
    return (
        select(
            OrientationSession,
            Location.name,
            func.coalesce(counts.c.enrolled, 0).label("enrolled"),
            func.coalesce(counts.c.attended, 0).label("attended"),
        )
        .join(Location, Location.id == OrientationSession.location_id)
        .outerjoin(counts, counts.c.session_id == OrientationSession.id)
        .order_by(OrientationSession.starts_at, OrientationSession.id)
    )


def sessions_of_case(case_id: str) -> Select[str]:
    """The ids of the sessions a current member of the household is enrolled in."""
    return (
        select(OrientationEnrolment.session_id)
        .join(Person, Person.id == OrientationEnrolment.person_id)
        .where(Person.case_id == case_id, Person.merged_into_id.is_(None))
    )


def enrolment_query(
    session_ids: Collection[str], case_id: str | None
) -> Select[str, bool | None, str, str, str, str, str, str, date | None]:
    """Who is enrolled in these sessions (only the household's members with ``case_id``),
    by household, principal first, then oldest first."""
    query = (
        select(
            OrientationEnrolment.session_id,
            OrientationEnrolment.attended,
            Person.id,
            Person.case_id,
            Case.case_number,
            Person.given_name,
            Person.family_name,
            Person.native_name,
            Person.date_of_birth,
        )
        .join(Person, Person.id == OrientationEnrolment.person_id)
        .join(Case, Case.id == Person.case_id)
        .where(OrientationEnrolment.session_id.in_(list(session_ids)))
        .order_by(
            Case.case_number,
            Person.relationship_to_principal != "principal",
            Person.date_of_birth.is_(None),
            Person.date_of_birth,
            Person.given_name,
        )
    )
    if case_id is not None:
        query = query.where(Person.case_id == case_id, Person.merged_into_id.is_(None))
    return query
