"""One error hierarchy for everything riskcheck raises on purpose."""

from __future__ import annotations


class RiskcheckError(Exception):
    """Root of every error riskcheck raises deliberately."""


class DataError(RiskcheckError):
    """The data folder is missing, unreadable or inconsistent."""


class InputError(RiskcheckError):
    """Something the user gave could not be used (bad date, file, column, ...)."""


class DateError(InputError, ValueError):
    """A date or date range could not be parsed."""


class ResolutionError(InputError):
    """A person or place mention could not be resolved to one id.

    ``candidates`` holds the closest matches, best first (may be empty).
    """

    def __init__(self, message: str, mention: str = "", candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.mention = mention
        self.candidates = list(candidates or [])


class UnresolvedPersonError(ResolutionError):
    """A name is close to a wanted person's name, or ambiguous between several."""


class UnresolvedPlaceError(ResolutionError):
    """A place matches no known state, territory or city."""
