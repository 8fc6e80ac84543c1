<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sq_AL">
<context>
    <name></name>
    <message>
        <source>Back to {status}</source>
        <extracomment>how many statuses that cannot be chosen are explained below the form</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The household is {status} now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: why the status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the household over {n} readiness blocker (an override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the household over {n} readiness blockers (an override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change of status is possible for this household now; see why below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the status changes; it stays in the case history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the override to move the household over its blockers, or resolve them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <extracomment>the journey, from registration to the flight ways off the path: a pause, a medical deferral, or an end nothing moves a household on from these but a person undoing the end statuses that follow the medical records</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medically cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deferred (medical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
