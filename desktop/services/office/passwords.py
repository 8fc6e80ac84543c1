"""Password policy after NIST SP 800-63B-4 for single-factor passwords.

Length is what counts: at least 15 characters, at most 256, anything may be
pasted, no composition rules. Common passwords and ones built from the user
or office name are refused with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from desktop.errors import WeakPassword

MIN_LENGTH = 15
MAX_LENGTH = 256


@cache
def _blocklist() -> frozenset[str]:
    text = resources.files("departure_desk_resources").joinpath("passwords/blocklist.txt")
    words = text.read_text("utf-8").splitlines()
    return frozenset(w.strip().lower() for w in words if w.strip() and not w.startswith("#"))


def _squash(text: str) -> str:
    """Case, accents ("Shëngjin" = "shengjin"), spaces and punctuation ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", bare)


def check_password(password: str, *, username: str, office_names: tuple[str, ...] = ()) -> None:
    """Raise WeakPassword with the reason, or return when the password is acceptable."""
    length = len(password)
    if length < MIN_LENGTH:
        raise WeakPassword(
            f"The password is too short: {length} characters, at least {MIN_LENGTH} needed. "
            "A few unrelated words make a long password that is easy to remember."
        )
    if length > MAX_LENGTH:
        raise WeakPassword(f"The password is too long: at most {MAX_LENGTH} characters.")
    squashed = _squash(password)
    if len(set(squashed)) <= 2:
        raise WeakPassword("The password repeats one or two characters; choose real words.")
    lowered = password.strip().casefold()
    if lowered in _blocklist() or squashed in _blocklist():
        raise WeakPassword("This password is on the list of commonly used passwords.")
    letters = re.sub(r"\d+", "", squashed)
    if not letters:
        raise WeakPassword("The password is only digits; use a few words instead.")
    if letters in _blocklist():
        raise WeakPassword("The password is a common password with digits added.")
    tokens = set(re.split(r"[\W_\d]+", unicodedata.normalize("NFKC", password).casefold()))
    checks = [("your user name", username), *(("the office name", n) for n in office_names)]
    for label, value in checks:
        parts = {_squash(value), *(_squash(w) for w in re.split(r"[\W_]+", value))}
        for part in parts:
            # short parts (an office code such as SHG) only count as a whole word,
            # or "fishgate" would be refused for containing "shg"
            if (len(part) >= 4 and part in squashed) or (2 <= len(part) < 4 and part in tokens):
                raise WeakPassword(f"The password must not contain {label}.")
