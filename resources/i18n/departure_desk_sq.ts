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
        <source>the place</source>
        <extracomment>how the fields are named in &quot;Still needed: ...&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New orientation session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office time (Europe/Tirane).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time (office time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place} (no longer in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who leads the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the journey and the airport, first weeks in the new country, rights and duties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time is already over; orientation sessions are planned ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} person is enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} people are enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} · {language} · {place}. {people}: they stay listed on the cancelled session so their households can be enrolled in another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose why the session is cancelled.</source>
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
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slip</source>
        <extracomment>how a family was told, short enough for a column</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended</source>
        <extracomment>the result of an interview, as a choice in the outcome dialog
----------
the result of an interview, as one word in a list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending (the decision comes later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further interview needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show, new date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show, closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interviewer {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interpreter: {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}: {how} by {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within the hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {days} day {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {days} days {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {days} day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <extracomment>the household was loaded and is shown (after opening, and after each change)
----------
each member&apos;s fitness summary (empty without ``fitness``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many members of the household must come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <extracomment>marked with ``tr_noop``; translated where shown the MERGEABLE_FIELDS taken together when this line is taken from the other person</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Principal</source>
        <extracomment>the words of the other codes the registry shows: relationships, documents, custody</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <extracomment>what a list load brings back: the filters&apos; choices (when asked for) and the ids</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <extracomment>how many of the newest entries are listed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sign-in, change, print and export is recorded here. The entries are chained together, so removing or editing one is detected by the check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {count} entries are intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq}: the log was altered. Report this to headquarters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IOM office</source>
        <extracomment>how each kind of place reads</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embassy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name</source>
        <extracomment>what an untouched field still lacks, as the &quot;Still needed&quot; line names it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a slot length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} at a time</source>
        <extracomment>wider than any valid value: validate_place says what the limits are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where families come for interviews, medical checks and other appointments. Families see the name, address and map line on their slips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. IOM office, interview room 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>street and town, as printed on the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. next to the harbour mosque, blue gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many appointments can run here at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usual length of one appointment here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use (untick to retire the place)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retired place stays on past appointments but cannot be chosen for new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Slot length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places of appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity is how many appointments can run at the same time in a place; the slot length is the usual length of one. Retired places stay on past appointments but cannot be booked.</source>
        <extracomment>what the message says: &quot;&quot; (nothing or a saved place), &quot;empty&quot; or &quot;error&quot; a place dialog to reopen after an auto-lock, once the places are loaded</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No places yet. Add the office rooms, clinics and embassies families go to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is retired: no new appointments can be booked there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hour</source>
        <extracomment>a duration as text, by unit code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minimum} to {maximum} {unit} (default {default})</source>
        <extracomment>the amount of a duration may be typed beyond the limits: the hint says what they are the types of value ``set_value`` takes (a draft is checked against them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minimum} to {maximum} (default {default})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to {maximum} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: {choice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a key to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That key is listed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list is full: remove a key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to {count} keys, each {format}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings are stored encrypted with the office data.</source>
        <extracomment>the stored value of each setting (by key), None before the first load settings the admin has edited (their boxes are kept when the values reload)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <extracomment>one editor per setting, by key the limits (or what is wrong) beside each editor, by key the spin box of each whole-number setting, by key kept by name: the app&apos;s tests reach the idle minutes directly</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting}: {problem} Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {settings}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Saved: {settings}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved changes were kept while the office was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked (too many failed attempts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active, {n} failed attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active, {n} failed attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <extracomment>the facts shown at the top, in order: key and title</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower-case, e.g. arta.k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles of {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each person signs in with their own account. Roles decide what they may see and change; medical and protection details need their own roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the password of {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the user their new password in person; they can change it afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A disabled account lost its key; give it a new password to enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable {user}? Their password will no longer open the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cancelled and rescheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list appointments that were cancelled or given a new date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the appointment (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print agenda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day&apos;s list for reception, with a column for signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print slips…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule many…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book many households one after another on one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {first} – {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous week (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of {day} for reception, with a column for signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments on this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print slips ({count} selected)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slips for the families of the selected appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print slips (all {count} shown)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slips for every family shown that can still be given one; select rows to print only some</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why; it stays in the appointment&apos;s history.</source>
        <extracomment>how the family was told, in the order a clerk most often needs them</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record how the family was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. told the focal point of block C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the family was told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. decision expected within 3 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The household&apos;s status becomes Refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} of {case}, {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} appointments: {numbers} and {more} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} appointments: {numbers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} of {case}, {when}. A cancelled appointment frees its time; it stays in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the embassy postponed all interviews that day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} of {case}, missed on {when}. Closing leaves it as a no-show without a new date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the household withdrew; a new date was agreed by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: your role can see appointments but not change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family has not been told yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record how the family was told…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates given to the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a date to show that appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record who came to the interview first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is ticked as present. Record this appointment as a no-show?

It goes on the no-show follow-up list until it gets a new date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as a no-show: it is on the no-show follow-up list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance recorded: {came} of {invited} came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded how the family was told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to {when}. Tell the family the new date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview outcome recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who comes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <extracomment>&quot;now&quot; of the last load: what has expired is judged once per load</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick who came on the day of the appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick everyone who came. Nobody ticked records a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (summary only; medical results belong in medical records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Embassy of Canada, USCIS, UNHCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name as the agency gave it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter&amp;viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interp&amp;reter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. wheelchair at the entrance; bring the lab results form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one person who must come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the family asked for another day; missed, child ill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} of {case}, given for {when} at {place}. The old date stays in the history; the family must be told the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the appointment moves; it stays in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to {country}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show households with this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <extracomment>width of a filter drop-down, in characters (of the widest kind) a first item longer than this (a translation, say) may be cut short on a small screen frame and arrow of a drop-down, beside its text RegistryFilter field, text for &quot;any&quot;, what a screen reader calls the box, how a value reads</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households to schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} household ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} households ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule many households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. What, where and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading places…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Embassy of Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty if several interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Proposed times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick households and press “Propose times”: nothing is booked before you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households that did not fit, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something changed: propose times again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book these {n} appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book these {n} appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not fit ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household fits on that day with these hours. Try another day, other hours or another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} household fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} households fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} on {day} at {place}: {fit}. Check the times, then book them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} on {day}: {fit}. Check the times, then book them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was booked: some of these times were taken meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose times again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose times again: the proposal was out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{came} of {invited} came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} person invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} people invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (native script)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <extracomment>what orientation slips show</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to travel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} blockers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No appointments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} not told yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {when}, {kind} at {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member is enrolled in an orientation session yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{enrolled}, {came} attended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} member enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} members enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol the household on the Orientation page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <extracomment>the blocker message of an item in the list (headings have none) the office clock (what is upcoming, what is past)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation</source>
        <extracomment>how far ahead and back the lists reach, in days</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness…</source>
        <extracomment>shown beside the case status at the top of the window</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stops this household from travelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stops the household from travelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments ({count} upcoming)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation ({count} attended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules checked: {rules}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{headline}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rule checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rules checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No places yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place is set up for appointments yet: an administrator adds them under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To inform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments starting soon whose families have not been told yet. Print their slips (handed over or given to a focal point), or record how they were told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every family with an appointment coming up has been told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record how they were told…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call, via a focal point, in person or a printed slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print slips (all {count})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the appointments whose families were told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed appointments without a new date. Give the family a new date, or close the follow-up with the reason none is needed (for example the household withdrew).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No missed appointment is waiting for a new date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close follow-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new date is needed; say why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <extracomment>the office is locking: no new window opens (and no operation starts)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} appointment waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} appointments waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded: {n} family told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded: {n} families told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{case} has a new date: {when}. The family still has to be told (see To inform).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up of {case} closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked {appointments} for {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} household did not fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} households did not fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The families still have to be told: print their slips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda – {day}</source>
        <extracomment>what an agenda or a slip shows</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the agenda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these appointments can get a slip: slips are for appointments that are scheduled and not yet past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment slips ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} appointment gets no slip (attended, missed, cancelled or moved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} appointments get no slip (attended, missed, cancelled or moved).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the slips…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <extracomment>resolution of printed pages (the printer may ask for less, never gets more)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slips handed over: {n} family recorded as told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slips handed over: {n} families recorded as told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clashes with other bookings</source>
        <extracomment>pause after the last change before the time is checked against other bookings</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the time against other bookings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Free: no clash with other bookings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time clashes with what is already booked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>the length was chosen by the clerk (a new place no longer resets it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (office time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a place (the list is still loading).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the place of the appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the time clashes with what is already booked (see above). Choose another time or place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grandfather&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the two people no longer exists or was merged already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two records differ here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pair to review ({likely} likely, {possible} possible)</source>
        <extracomment>how wide a name column starts</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pairs to review ({likely} likely, {possible} possible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These two will not be proposed again. Note (optional, e.g. &apos;cousins&apos;):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who may be registered twice. Nothing is merged automatically: compare the two records, then merge them or mark them as different people.</source>
        <extracomment>a pair is made of people (their names, documents, households) and decisions whether work the clerk waits for is under way (decisions wait for it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import registration list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not the same person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No possible duplicates. Nothing to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reasons given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{level} duplicate, score {score}.&lt;/b&gt; Why: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge two records</source>
        <extracomment>the merge dialog&apos;s choices scroll beyond this height (keep case, drop case) when the two households are merged too</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two records were merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import registration list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration lists (*.csv *.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;&lt;br&gt;{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The import was stopped: nothing was imported.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 1 of 3: which column is which</source>
        <extracomment>the clerk chose another field for a column</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each column of the file, choose the registry field it holds. Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember this mapping for files with these columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry field for the column {header}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen for more than one column: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every required field has a column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2 of 3: check before importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip households with problems (import the others; no family is split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems ({count})&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt;: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Possible duplicates ({count})&lt;/b&gt;: imported anyway, review them on the Duplicates page afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Possible duplicates&lt;/b&gt;: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3 of 3: importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel stops the import; nothing is written unless it finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… {done} of {total} people checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household reference</source>
        <extracomment>how the registry&apos;s fields read in the mapping drop-downs</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows read: &lt;b&gt;{rows}&lt;/b&gt;.</source>
        <extracomment>row numbers named in a summary before &quot;…&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column for: {fields}. Go back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing will be imported&lt;/b&gt;: {count} problem(s) below. Fix the file, or tick “Skip households with problems”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would create &lt;b&gt;{households}&lt;/b&gt; household(s) with &lt;b&gt;{persons}&lt;/b&gt; person(s) and {documents} document(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out: {count} row(s) of households with problems (rows {rows}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt; The file has problems; go back to the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Import finished.&lt;/b&gt;&lt;br&gt;{households} household(s) with {persons} person(s) and {documents} document(s) were added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} row(s) of households with problems were left out (rows {rows}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} possible duplicate(s): review them on the Duplicates page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {row} of this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered in {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also merge the two households (move every member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both people are in the same household.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which record stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep left: {record}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep right: {record}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other record is marked merged; its documents, consents and protection details move to the record that stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values that differ: choose one for each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the left value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the right value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every field that can be merged is the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{drop} will be merged into {keep}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken from {drop}: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every member of {drop} moves to {keep}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be undone from this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{length} of at least {minimum} characters. Tip: four unrelated words, with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{length} characters - long enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least {minimum} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO OFFICE - fictional data only, do not enter real cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical records – {case}</source>
        <extracomment>open previews of certificates follow the records through these</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness to travel now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What other staff see: no diagnosis, no notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examinations, latest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No examination recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected examination (the change is audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness-to-travel certificates for the airline: no diagnosis, no notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print envelope cover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MEDICAL-IN-CONFIDENCE cover sheet listing the household&apos;s medical documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examination recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction saved (the change is in the audit log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WCHR – wheelchair to the aircraft; walks the steps and in the cabin</source>
        <extracomment>what each IATA code asks of the airline, in the words of a booking clerk</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WCHS – wheelchair to the aircraft; cannot walk the steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WCHP – lower limbs disabled; moves about the cabin alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WCHC – immobile; carried to the seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STCR – travels on a stretcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blind or low vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deaf or hard of hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intellectual or developmental disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meet and assist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medical case (airline clearance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blind</source>
        <extracomment>the same, short enough for a check box beside four others</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medical case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health assessment</source>
        <extracomment>kinds short enough for a column</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared to travel with no assistance.</source>
        <extracomment>what each outcome means for the journey (shown under the choice in the form)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared with SSR codes, oxygen or a MEDIF: say which below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared if a family member or an IOM escort travels along.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared if a nurse or a doctor travels along.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cleared now: give the date of the next review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cleared to travel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examined; the decision comes later (results awaited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} (expired)</source>
        <extracomment>outcomes whose flight conditions (SSR codes, oxygen, MEDIF) the form asks for</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oxygen {litres} l/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEDIF required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{summary} (valid until {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By when, in office time (Tirana); items without a date come last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What other staff see: the summary of the latest examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until when a fit outcome holds; for a deferral, the review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical escort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weeks} weeks at the examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The medical worklist and medical records are for the medical team only. Your role sees fitness to travel as a summary in each household window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical</source>
        <extracomment>how far ahead the worklist looks, in days the kind of examination a need calls for (offered first in a new record)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the medical team must see, by deadline (office time, Tirana): booked examinations and pre-embarkation checks, decisions still pending, deferrals due for review, fitness about to expire, and members of accepted households never examined. Double-click a person for their medical records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by case number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the worklist by case number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Looking ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far ahead appointments, reviews and expiries are listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s medical records (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody needs the medical team in the next {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody on the worklist matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {entries}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} person to see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} people to see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entries} for {people}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel date to check the pregnancy against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at the end of the current clearance; change it to the planned flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pregnancy: {weeks} weeks at the examination of {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {weeks} weeks on {date}: at or past the carriers&apos; limit of {limit} weeks. Travel earlier, or ask the airline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within the carriers&apos; limit on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness certificates – {case}</source>
        <extracomment>shown while it renders the household the paper is about (its preview follows its changes) what a certificate or an envelope cover shows</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness certificate – {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the certificates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the envelope cover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical envelope – {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical notes (medical staff only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind of examination</source>
        <extracomment>how the fields are named in &quot;Still needed: ...&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct an examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New medical record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} – {person}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other staff see only the summary: cleared or not, the SSR codes and whether an escort travels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of the examination (office time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the doctor or nurse who examined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. IOM clinic Shëngjin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examined on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xaminer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;linic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the review date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;scort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions for the flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: walks unaided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> l/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No oxygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oxygen in litres per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The airline&apos;s medical information form must be sent before booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not pregnant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks of pregnancy at the examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ox&amp;ygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other SSR &amp;codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pregnancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings, treatment, what to watch on the journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical &amp;notes (medical staff only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome and conditions carried over from the examination of {date}: change them if they no longer apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} · {language} · {place}</source>
        <extracomment>matches shown at most while the clerk narrows the list down</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} seat free</source>
        <extracomment>the households are in (the list narrows only from then on)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} seats free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{session} · {seats}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type part of the case number, e.g. 00042</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the households…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only members of orientation age (the office setting; unknown ages count as adults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household has that in its case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} households: type to find one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} households match; the first {shown} are shown. Type more of the case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} household matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} households match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family&apos;s language is {family}; this session is in {session}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the household to enrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{session}. Tick everyone who came; those not ticked are recorded as not having come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has not started yet: attendance can be recorded once it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone &amp;came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear the ticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} came</source>
        <extracomment>the tick of each person, in the order of ``_ids``</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{came} of {enrolled} came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is enrolled in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{enrolled} of {seats}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{came} of {enrolled}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People enrolled, of the seats in the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who came, of those enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age on the day of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <extracomment>the facts under the case number: label, and the field of the case it shows</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: your role can see orientation sessions but not plan them or enrol people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults of each household must attend a pre-departure orientation session before the household is ready to travel. Times are office time (Europe/Tirane).</source>
        <extracomment>a session dialog to reopen after an auto-lock, once the places are loaded the session to select after the next load (one just planned)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past sessions (last {months} months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orientation sessions ahead. Plan one with New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions were held in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No places are in use yet. An office admin adds them under Office settings, Places of appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session planned. Enrol households next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed was kept while the office was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enrol household…</source>
        <extracomment>the open previews follow the records through these the places in use, for the change dialog (the page reads them with the list)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;attendance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;slips…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One slip per household enrolled: when, where, who must come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a session in the list to see who is enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} (office time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics: {topics}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{enrolled} of {seats} seats taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitator: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No facilitator named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance is recorded for this person: correct it with Record attendance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone chosen was already enrolled in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} person enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} people enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw {name} ({case}) from the session of {when}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw from orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was withdrawn from the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance recorded: {came} of {enrolled} came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session cancelled. Enrol its households in another session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {number}
could not be drawn</source>
        <extracomment>logical dots per inch of the preview at 100 % zoom the shadow under a sheet: ink, ever fainter outwards</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {number}
Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <extracomment>the kinds of record the paper shows (an agenda: appointments, places...) makes the PDF again; Qt-free, runs off the GUI thread (as a write: printing audits) the office&apos;s change notices a finer test of a change (the households the paper is about); None: every change of ``kinds`` matters the records changed: a new document is being made (or could not be)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing {pages}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after this page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {pages} to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating: the records changed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated: the records changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records changed and the document could not be made again: {problem} Close this preview and print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be opened: it is damaged or not a PDF. Nothing was printed or saved; please report this.</source>
        <extracomment>a page&apos;s width and height in points (1/72 inch), after its rotation</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no pages. Nothing was printed or saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document could not be opened: a page of it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {number} of the document could not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no page {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {current} of {total}  ·  {pages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the chosen pages is in the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start printing: the printer is not available. Check that it is switched on and connected, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing stopped after {done} of {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing stopped: the printer did not take the next page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing page {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed: the printer did not accept the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has only {count} page(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the drive is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied (is the file open in another program?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file system refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the file: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: your role can see households but not change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only</source>
        <extracomment>possible duplicates named after a save (the Duplicates page has them all)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{level} ({score}): {case} {name} - {reasons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person was saved, but may already be registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare and merge them on the Duplicates page, or mark them as different people there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness to travel: the summary of the latest medical examination, no details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit household…</source>
        <extracomment>the readiness badge goes here once the schedule panel exists</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected member&apos;s examinations (medical team only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents of the selected member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the selected document has been</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move custody…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <extracomment>what a load brings back: the filters&apos; choices (when asked for) and the ids</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New household…</source>
        <extracomment>the status, destination... of a case; its member count None: this user only reads (the case view opens read-only)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role can see households but not register them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing data with IOM headquarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing data with the receiving country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk of sexual or gender-based violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unaccompanied child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Woman heading the household alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older person at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female escort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate seating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accessible transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: your role can see consents but not record them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only: your role can see protection details but not change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a new consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. explained in Dari, signed form kept in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role cannot record consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection details of {name} (restricted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted: only the protection role sees these details. Others see only that the person has specific needs.</source>
        <extracomment>whether the details were read (nothing may be saved over unread details)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs during the journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents to sharing these details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role cannot change protection details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details are still loading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— (not known)</source>
        <extracomment>a country code as the placeholder shows it (a code, not a word to translate)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a machine-readable zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kept by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{document} {number}: kept by {custody} now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. receipt number, who took it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Now kept by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is already recorded there; choose where it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by specific needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific needs: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With specific needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without specific needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3-letter code, e.g. CAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;artner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acc&amp;ommodation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific needs recorded for this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By case number</source>
        <extracomment>pause after the last key before searching: one search per burst of typing results asked of the search service (it ranks at most 120 candidates)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name in Latin or Dari/Pashto script, case number, document or phone</source>
        <extracomment>names, documents and phones are searched; the filters are the households&apos; ids passing the filters while any filter is chosen (search hits are cut to them) every hit of the last search (before the filters cut them) searches whose answer came after the text had changed (for tests and tuning) milliseconds from the last key to the results on screen, last search</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort the list of people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order of the list when the search box is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {n} best matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found (with the filters chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {n} best matches (with the filters chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} match (with the filters chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} matches (with the filters chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact date</source>
        <extracomment>the &quot;no value&quot; end of the year box and the date box</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month and year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M (male)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F (female)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X (unspecified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>relationship</source>
        <extracomment>most people registered here are Afghan (a code, not a word to translate) the lengths of a whole MRZ line: ID card (TD1) and passport (TD3) how a field is named in &quot;Still needed: ...&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision of the date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision of the date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific needs (details only with protection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ather&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;randfather&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in &amp;Dari/Pashto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan MRZ (passport or ID card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine-readable zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the passport, or type the two lines at its foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also record the scanned document, kept by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading… {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled from the {document}: names, sex, date of birth and nationality. Check them against the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICRC emergency travel document</source>
        <extracomment>document types whose words read badly</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-journey document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daughter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sister</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grandson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granddaughter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tazkira</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convention travel document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laissez-passer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed at airport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely</source>
        <extracomment>how sure the duplicate check is that two records are one person</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} - {office}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[DEMO] {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <extracomment>the sidebar&apos;s width: at least this, and never more than that pages with a (not quiet) operation running</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {user} ({roles})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office {code} - {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline case management for resettlement departures: registration, appointments, fitness to travel, movements and printed papers. Data is stored encrypted on this computer (SQLCipher) and unlocked per user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} - {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases (households)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families still to inform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-shows to follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} - set up this office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder holds no office yet. Set up the office and its first administrator account. Everything is stored encrypted in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. IOM Shëngjin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 to 6 letters, e.g. SHG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. admin or your first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Admin user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just looking? The demo office is kept in a separate folder and filled with fictional families.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try with &amp;demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the office name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the office code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a user name for the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A demo office will be created in {folder} with fictional families. It has the accounts admin, registration, medical, protection, movement and viewer, all with the password you choose here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create demo office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-embarkation check</source>
        <extracomment>households whose members the medical team must see before they can travel</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew fitness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports to headquarters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <extracomment>marked with ``tr_noop`` where the settings page shows it (marked with ``tr_noop``) a line the settings page shows beside it (marked with ``tr_noop``) marked with ``tr_noop`` marked with ``tr_noop`` marked with ``tr_noop``: the unit as a choice (&quot;hours&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <extracomment>the units it is shown in, smallest first what one key looks like (matched whole) the format in words, for the messages (marked with ``tr_noop``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation required from this age (years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Families must be told this many hours ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default appointment length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default seats in an orientation session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pre-embarkation check is valid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A health assessment is valid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn when a pregnancy is this far on the travel date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for the exports to headquarters; nothing is exported yet.</source>
        <extracomment>kept for the exports to headquarters, which do not exist yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to headquarters every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What an export to headquarters holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard: no medical or protection details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With medical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With protection details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headquarters&apos; public keys that exports are encrypted to</source>
        <extracomment>an age X25519 recipient: &quot;age1&quot; and 58 characters of the bech32 alphabet (no b, i, o, 1)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an age public key: age1 followed by 58 lower-case letters and digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The facilitator is not available</source>
        <extracomment>why a session was cancelled: codes (kept in the audit trail, which holds no free text)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few people enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged with another session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immigration interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab or X-ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-departure orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed slip handed over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via community focal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Told in person at the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-departure medical screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-embarkation check (PEC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit with conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit with non-medical escort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit with medical escort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfit - deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared - assistance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
