"""Who acts on the data: a signed-in user, or the command line (an operator with no account).

`None` never stands for the command line: code that acts for it passes COMMAND_LINE.
"""

from __future__ import annotations

from typing import TypeAlias

from quizapp.models import User


class CommandLine:
    """The operator at the command line: no account, sees and may change everything."""

    id = None  # records it creates (articles, questions) have no owning account

    def __repr__(self) -> str:
        return "COMMAND_LINE"


COMMAND_LINE = CommandLine()
Actor: TypeAlias = User | CommandLine


def is_command_line(actor: Actor) -> bool:
    """Whether the command line acts (not a user)."""
    return isinstance(actor, CommandLine)
