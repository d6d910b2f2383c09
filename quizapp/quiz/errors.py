"""The quiz rules' refusals, raised by services and turned into answers by the views."""

from __future__ import annotations


class QuizError(Exception):
    """A request the rules refuse, with a message for the student and an HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
