"""The command line: one module per group of commands, none of them loading Qt.

Each module has `register(commands)`, which adds its sub-parsers to argparse's
sub-parser action and sets `handler` (a function of the open Database and the parsed
arguments that returns the exit status), `creates_database` (False for commands that
only read: a mistyped --db is refused) and `writes` (True for commands that change the
database: it is checked whole first, and a read-only one is refused). What every command
shares — --db, the FILTERS, value types, one-line failures — is in `ui.cli.common`.
`main.py` lists the modules in COMMAND_MODULES, opens the database and runs the handler.
"""
