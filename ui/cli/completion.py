"""`completion bash|zsh|fish`: the script that makes the shell complete commands and options.

argcomplete, not a static script (shtab): it covers fish as well as bash and zsh, and
completes from the parser itself, so a new option completes without a new script.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from ui.cli.common import PROG

SHELLS = ("bash", "zsh", "fish")


def register(commands: Any) -> None:
    """`completion SHELL`: print the shell's completion script."""
    completion = commands.add_parser(
        "completion",
        help="print the shell completion script (bash, zsh or fish)",
        description="Print the script that makes the shell complete this program's commands "
        "and options. bash: add 'eval \"$(treaty-tracker completion bash)\"' to ~/.bashrc; "
        "zsh: the same line with zsh, in ~/.zshrc; fish: 'treaty-tracker completion fish > "
        "~/.config/fish/completions/treaty-tracker.fish'.",
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    completion.set_defaults(handler=command_completion, needs_database=False)


def command_completion(_database: None, args: argparse.Namespace) -> int:
    import argcomplete

    print(argcomplete.shellcode([PROG], shell=args.shell), end="")
    return 0


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell and exit when it asks for completions (argcomplete's variables set)."""
    if "_ARGCOMPLETE" in os.environ:  # argcomplete's own test, without loading it otherwise
        import argcomplete

        argcomplete.autocomplete(parser)
