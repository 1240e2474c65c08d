"""Placeholder: the `diff` command is being written (issue 5)."""


def add_command(sub) -> None:
    """Adds nothing yet."""
