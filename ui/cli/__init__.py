"""The command line: one module per group of commands, none of them loading Qt.

`parser.build_parser()` adds the global options and asks each module in COMMAND_MODULES
to `register(commands)`: to add its sub-parsers to argparse's sub-parser action and set
`handler` (a function of the open Database and the parsed arguments that returns the exit
status), `creates_database` (False for commands that only read: a mistyped --db is
refused) and `writes` (True for commands that change the database: it is checked whole
first, and a read-only one is refused). A handler with `without_database` gets None
instead of a Database: it works on the file itself (the backup commands, which must reach
a damaged file). `running` opens the database, runs the handler and turns every failure
into one line and an exit status; `main.py` only chooses between a command and the window.
What every command shares — --db, the FILTERS, value types, one-line failures — is in
`ui.cli.common`.

Building the parser is cheap: a module imports at its top only what its parser needs, and
its command functions import the rest (SQLAlchemy, the models, ReportLab) when they run.
So `--version`, `--help` and the shell's TAB completion load no database code, and `list`
loads neither PDFs nor attachments (tests/test_cli.py checks it).
"""
