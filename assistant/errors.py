"""Errors that carry a Dutch message for the user.

Raise ``UserFacingError`` (or a subclass) for anything the user can fix: unreadable input, a wrong call, a missing
index. The CLI prints the message on stderr and exits with status 2; the app shows it with ``st.error``.
"""


class UserFacingError(Exception):
    """An error whose message is Dutch and safe to show to the user as is."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\nTip: {self.hint}"


class InputError(UserFacingError):
    """The input (a file, a date, an argument) could not be read or is not valid."""


class IndexMissingError(UserFacingError):
    """There is no usable index yet."""
