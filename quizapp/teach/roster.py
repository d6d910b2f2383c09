"""Roster import: a CSV of students (name, username or e-mail) into a class, all or nothing.

The whole file is checked before anything is written; any bad or duplicate line refuses the
import, and every problem is reported with its line number. Students without an account get
one with no usable password and a one-time invitation code to set it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quizapp.auth.invitations import NO_PASSWORD, new_invitation
from quizapp.auth.services import normalise_username
from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import Classroom, Enrollment, User
from quizapp.states import Role

MAX_ROWS = 1000
NAME_SIZE = 80
# Header spellings teachers' spreadsheets use, folded to lower case without spaces or dashes.
HEADERS = {
    "name": ("name", "fullname", "student", "studentname", "displayname"),
    "first": ("first", "firstname", "givenname", "forename", "prenom", "vorname"),
    "last": ("last", "lastname", "surname", "familyname", "nom", "nachname"),
    "username": ("username", "user", "login", "userid", "loginname"),
    "email": ("email", "mail", "emailaddress", "courriel"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_USERNAME = re.compile(r"^[a-z0-9_.-]{3,40}$")
_NOT_USERNAME = re.compile(r"[^a-z0-9_.-]+")


class RosterError(ValueError):
    """The file as a whole cannot be read (no header, wrong encoding, too many rows)."""


@dataclass
class RosterLine:
    """One student line of the file, checked."""

    line: int
    username: str
    first_name: str | None
    last_name: str | None


@dataclass
class RosterCheck:
    """The outcome of checking a file: its good lines and the problems, by line."""

    lines: list[RosterLine] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Imported:
    """What an import did: new accounts with their one-time codes, and existing students."""

    created: list[tuple[User, str]] = field(default_factory=list)
    enrolled: list[User] = field(default_factory=list)
    already: list[User] = field(default_factory=list)


def _fold(header: str) -> str:
    return re.sub(r"[\s_\-.]+", "", header.strip().lower().lstrip("\ufeff"))


def _columns(header: list[str]) -> dict[str, int]:
    """Which column holds what, from the header row."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        for role, spellings in HEADERS.items():
            if _fold(name) in spellings and role not in found:
                found[role] = index
    return found


def _cells(row: list[str], columns: dict[str, int]):
    """A reader of one row's cells by role ("" for a missing or short column)."""

    def cell(role: str) -> str:
        index = columns.get(role)
        return row[index].strip() if index is not None and index < len(row) else ""

    return cell


def _split_name(full: str) -> tuple[str | None, str | None]:
    """("Ada", "Stone") from "Ada Stone" or "Stone, Ada"; one word is a first name."""
    full = " ".join(full.split())
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip() or None, last.strip() or None
    first, _, last = full.rpartition(" ")
    return (first, last) if first else (last or None, None)


def _username(username: str, email: str) -> tuple[str, str | None]:
    """The username to use and what is wrong with it, if anything."""
    if username:
        name = normalise_username(username)
        if not _USERNAME.match(name):
            return name, (
                f"“{username}” is not a valid username (3 to 40 letters, digits, dots, "
                "dashes or underscores)."
            )
        return name, None
    if not _EMAIL.match(email):
        return "", f"“{email}” is not an e-mail address." if email else "No username or e-mail."
    # The part before the @, as our usernames allow it (the whole address may be too long).
    name = _NOT_USERNAME.sub("", normalise_username(email.split("@", 1)[0]))[:40]
    if len(name) < 3:
        return name, f"Cannot make a username from “{email}”: add a username column."
    return name, None


def _read(text: str) -> list[list[str]]:
    """The CSV rows (comma, semicolon or tab separated, as spreadsheets save them)."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def check_roster(text: str) -> RosterCheck:
    """Check every line of a roster file without writing anything."""
    rows = _read(text)
    if not rows:
        raise RosterError("The file is empty.")
    columns = _columns(rows[0])
    if "username" not in columns and "email" not in columns:
        raise RosterError(
            "The first line must name the columns, with a “username” or an “e-mail” column "
            "(and optionally “name”, or “first name” and “last name”)."
        )
    if len(rows) - 1 > MAX_ROWS:
        raise RosterError(f"At most {MAX_ROWS} students per file; this one has {len(rows) - 1}.")
    result = RosterCheck()
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = _cells(row, columns)
        username, problem = _username(cell("username"), cell("email"))
        first, last = cell("first") or None, cell("last") or None
        if cell("name") and not (first or last):
            first, last = _split_name(cell("name"))
        if problem is None and username in seen:
            problem = f"“{username}” is already on line {seen[username]}."
        if problem is None and any(len(n or "") > NAME_SIZE for n in (first, last)):
            problem = f"A name has more than {NAME_SIZE} characters."
        if problem:
            result.problems.append((number, problem))
            continue
        seen[username] = number
        result.lines.append(RosterLine(number, username, first, last))
    if not result.lines and not result.problems:
        raise RosterError("The file has a header but no students.")
    return result


def import_roster(check: RosterCheck, classroom: Classroom, teacher: User) -> Imported:
    """Create the missing students and enrol everyone (the caller commits or rolls back).

    Existing accounts of teachers refuse the whole import: a roster only holds students.
    """
    usernames = [line.username for line in check.lines]
    existing = {
        user.username: user
        for user in db.session.scalars(select(User).where(User.username.in_(usernames)))
    }
    members = set(
        db.session.scalars(
            select(Enrollment.user_id).where(Enrollment.classroom_id == classroom.id)
        )
    )
    for line in check.lines:
        user = existing.get(line.username)
        if user is not None and user.role != Role.STUDENT:
            check.problems.append((line.line, f"“{line.username}” is a teacher’s account."))
    if check.problems:
        return Imported()
    done = Imported()
    for line in check.lines:
        user = existing.get(line.username)
        if user is None:
            user = User(
                username=line.username,
                password_hash=NO_PASSWORD,
                role=Role.STUDENT,
                first_name=line.first_name,
                last_name=line.last_name,
            )
            db.session.add(user)
            db.session.flush()
            done.created.append((user, new_invitation(user, teacher)))
        else:
            user.first_name = user.first_name or line.first_name
            user.last_name = user.last_name or line.last_name
            if user.id in members:
                done.already.append(user)
                continue
            done.enrolled.append(user)
        db.session.add(Enrollment(user_id=user.id, classroom_id=classroom.id))
    try:
        db.session.flush()
    except IntegrityError as error:  # someone took a username between the check and now
        raise RosterError(
            "Another account was created meanwhile; import the file again."
        ) from error
    return done


def invited_student(classroom: Classroom, user_id: int) -> User:
    """A student of the class who has not set a password yet, else NotFound."""
    enrollment = db.session.get(Enrollment, (classroom.id, user_id))
    # A student with a password resets it another way: to this page they do not exist.
    if enrollment is None or not enrollment.user.invited:
        raise NotFound(f"invited student {user_id} of class {classroom.id}")
    return enrollment.user
