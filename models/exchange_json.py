"""Reading a JSON file of agreements: a list of objects, each checked key by key.

`parties` holds names or objects with the full participation; `milestones` and the keys
beyond the CSV columns are optional. A wrong type is a problem at its key path
('parties[1].actions[0].deposited_on'); the sample file's shape ({"agreements": [...]},
'party' for 'name') is read too.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterator
from typing import Any, NoReturn, TextIO

from models.agreement_record import CSV_COLUMNS
from models.dates import PartialDate
from models.exchange_format import (
    ACTION_KEYS,
    DATE_KEYS,
    EXTRA_TEXT_KEYS,
    IGNORED,
    JSON_KEYS,
    MILESTONE_KEYS,
    PARTY_KEYS,
    PARTY_SYNONYMS,
    RELATION_KEYS,
    REQUIRED,
    VOCABULARIES,
    ImportFailed,
    Problem,
    Record,
    RelationRef,
    one_of,
)
from models.messages import IMPORT, QT_TRANSLATE_NOOP, Message, message_of, say
from models.parties import identity_of, party_reference
from models.service import ActionInput, AgreementInput, MilestoneInput, ParticipationInput
from models.vocab import Level, PartyKind, RelationType, Role

# A file whose value is an object ({"agreements": [...]}, the sample file's shape) is read
# whole, so only up to this size; a list, as export writes, streams whatever its size.
MAX_OBJECT_FILE_CHARS = 64 << 20
_BLOCK = 1 << 20  # characters read at a time
_MOST_PER_AGREEMENT = 256 << 20  # one object larger than this is not an agreement
_DECODER = json.JSONDecoder(parse_int=lambda digits: _integer(digits))
_SPACE = " \t\n\r"


def json_records(text: TextIO, name: str) -> Iterator[Record]:
    """Each agreement of a JSON file as a record, read one object at a time from *text*."""
    for index, item in enumerate(json_items(text, name)):
        yield _json_record(index, item)


def json_items(text: TextIO, name: str) -> Iterator[Any]:
    """The values of the file's top-level list, parsed one at a time: memory follows one.

    ImportFailed for bad syntax (with its line and column), deep nesting or a value that
    is not a list of agreements. The sample file's shape, an object with `agreements`, is
    read whole (up to MAX_OBJECT_FILE_CHARS).
    """
    reader = _ListReader(text, name)
    first = reader.peek()
    if first == "[":
        yield from reader.items()
        return
    data = reader.whole_value()
    if isinstance(data, dict) and isinstance(data.get("agreements"), list):
        yield from data["agreements"]
        return
    not_a_list = QT_TRANSLATE_NOOP(
        "Import", '%1 must hold a list of agreements ([{"title": …}, …])'
    )
    raise ImportFailed([Problem(_say(not_a_list, name))])


class _ListReader:
    """A JSON list read from a text stream a block at a time, one value parsed at a time.

    The standard library's parser does the work (raw_decode on a window of the text), so
    messages, numbers and nesting are exactly as json.loads has them; only the window
    slides. A value cut by the window's end is parsed again with more text, the window
    growing geometrically, up to the largest an agreement may be.
    """

    def __init__(self, text: TextIO, name: str) -> None:
        self.text, self.name = text, name
        self.buffer, self.pos, self.eof = "", 0, False
        # Where the window starts: newlines dropped before it, and characters since the last.
        self.lines_before = self.columns_before = 0

    def _more(self, at_least: int = _BLOCK) -> bool:
        """Read more text into the window (dropping what is parsed); False at the end."""
        block = "" if self.eof else self.text.read(max(at_least, _BLOCK))
        if not block:
            self.eof = True
            return False  # the window is left as it was: positions in it stay right
        dropped = self.buffer[: self.pos]
        newline = dropped.rfind("\n")
        if newline < 0:
            self.columns_before += len(dropped)
        else:
            self.lines_before += dropped.count("\n")
            self.columns_before = len(dropped) - newline - 1
        self.buffer, self.pos = self.buffer[self.pos :] + block, 0
        return True

    def _skip_space(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in _SPACE:
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self._more():
                return ""

    def peek(self) -> str:
        return self._skip_space()

    def whole_value(self) -> Any:
        """The rest of the file as one value (for files that are not a list)."""
        while self._more(MAX_OBJECT_FILE_CHARS):
            if len(self.buffer) > MAX_OBJECT_FILE_CHARS:
                too_large = QT_TRANSLATE_NOOP(
                    "Import",
                    "%1 is a JSON object larger than %2 MB: write a larger file as a list of "
                    'agreements ([{"title": …}, …], as export does)',
                )
                problem = _say(too_large, self.name, MAX_OBJECT_FILE_CHARS >> 20)
                raise ImportFailed([Problem(problem)])
        value, end = self._decode()
        self.pos = end
        if self._skip_space():
            self._fail("Extra data", self.pos)
        return value

    def items(self) -> Iterator[Any]:
        self.pos += 1  # the '['
        if self._skip_space() == "]":
            self.pos += 1
        else:
            while True:
                value, self.pos = self._decode()
                yield value
                after = self._skip_space()
                self.pos += 1
                if after == "]":
                    break
                if after != ",":
                    self._fail("Expecting ',' delimiter", self.pos - 1)
                if self._skip_space() == "]":  # a trailing comma
                    self._fail("Expecting value", self.pos)
        if self._skip_space():
            self._fail("Extra data", self.pos)

    def _decode(self) -> tuple[Any, int]:
        """The value at the window's position and where it ends; more text while it is cut."""
        if not self._skip_space():
            self._fail("Expecting value", self.pos)
        while True:
            try:
                return _DECODER.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                # Cut by the window's end? Read on (doubling) and try again; a real error
                # stays where it is, and is reported once the rest can't be the reason.
                held = len(self.buffer) - self.pos
                if held > _MOST_PER_AGREEMENT or not self._more(held):
                    self._fail(error.msg, error.pos)
            except RecursionError:
                # No agreement nests more than five levels deep; Python's parser stops
                # near 1,000.
                deep = QT_TRANSLATE_NOOP(
                    "Import", "%1 nests lists or objects too deeply to be agreements"
                )
                raise ImportFailed([Problem(_say(deep, self.name))]) from None

    def _fail(self, message: str, pos: int) -> NoReturn:
        """ImportFailed at *pos* of the window, with the line and column json.loads gives."""
        newline = self.buffer.rfind("\n", 0, pos)
        line = self.lines_before + self.buffer.count("\n", 0, pos) + 1
        column = pos - newline if newline >= 0 else self.columns_before + pos + 1
        not_json = QT_TRANSLATE_NOOP("Import", "%1 is not valid JSON (%2 at column %3)")
        reason = _say(not_json, self.name, _JSON_SYNTAX.get(message, message), column)
        raise ImportFailed([Problem(reason, line=line)])


# What the standard library's parser says (json.decoder), marked to be translated.
_JSON_SYNTAX = {
    message: say(message, context=IMPORT)
    for message in (
        QT_TRANSLATE_NOOP("Import", "Expecting value"),
        QT_TRANSLATE_NOOP("Import", "Expecting ',' delimiter"),
        QT_TRANSLATE_NOOP("Import", "Expecting ':' delimiter"),
        QT_TRANSLATE_NOOP("Import", "Expecting property name enclosed in double quotes"),
        QT_TRANSLATE_NOOP("Import", "Extra data"),
        QT_TRANSLATE_NOOP("Import", "Unterminated string starting at"),
        QT_TRANSLATE_NOOP("Import", "Invalid control character at"),
        QT_TRANSLATE_NOOP("Import", "Invalid \\escape"),
        QT_TRANSLATE_NOOP("Import", "Invalid \\uXXXX escape"),
    )
}


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=IMPORT)


def _integer(digits: str) -> int | float:
    """An integer as JSON writes it; one too long for int() reads as a float (inf).

    int() refuses more than sys.get_int_max_str_digits() digits (4,300) with a ValueError
    that does not say where; as a float, the reader reports it at its key ('must be text').
    """
    if len(digits.lstrip("-")) > sys.get_int_max_str_digits():
        return float(digits)
    return int(digits)


def _json_type(value: Any) -> str:
    """What a JSON value is, in words ('a list'), to say what a key should have held."""
    if isinstance(value, bool):
        return _say(QT_TRANSLATE_NOOP("Import", "true or false"))
    if value is None:
        return "null"  # as it is written in the file
    name = _JSON_TYPES.get(type(value))
    return _say(name) if name else type(value).__name__


_JSON_TYPES = {
    dict: QT_TRANSLATE_NOOP("Import", "an object"),
    list: QT_TRANSLATE_NOOP("Import", "a list"),
    str: QT_TRANSLATE_NOOP("Import", "text"),
    int: QT_TRANSLATE_NOOP("Import", "a number"),
    float: QT_TRANSLATE_NOOP("Import", "a number"),
}


class _ObjectReader:
    """Reads typed values out of one JSON object, noting each wrong type as a problem."""

    def __init__(self, record: Record) -> None:
        self.record = record

    def keys(self, item: dict[str, Any], allowed: tuple[str, ...], path: str) -> None:
        unknown = [key for key in item if key not in allowed]
        for key in unknown:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            unknown_key = (
                _say(QT_TRANSLATE_NOOP("Import", "unknown key (did you mean '%1'?)"), close[0])
                if close
                else _say(QT_TRANSLATE_NOOP("Import", "unknown key"))
            )
            self.record.problem(f"{path}{key}", unknown_key)

    def text(self, item: dict[str, Any], key: str, path: str, check: str) -> str:
        value = item.get(key)
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if key in DATE_KEYS and type(value) is int and 0 < value < 10_000:
            return str(value)  # a year written as a number
        not_text = QT_TRANSLATE_NOOP("Import", "must be text, not %1")
        self.record.problem(path, _say(not_text, _json_type(value)), check)
        return ""

    def texts(self, item: dict[str, Any], key: str, path: str) -> list[str]:
        value = item.get(key)
        if value is None:
            return []
        if isinstance(value, list) and all(isinstance(entry, str) for entry in value):
            return value
        not_texts = QT_TRANSLATE_NOOP("Import", "must be a list of text, not %1")
        self.record.problem(path, _say(not_texts, _json_type(value)), key)
        return []

    def objects(self, item: dict[str, Any], key: str, path: str) -> list[Any]:
        value = item.get(key)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        not_list = QT_TRANSLATE_NOOP("Import", "must be a list, not %1")
        self.record.problem(path, _say(not_list, _json_type(value)), key)
        return []


def _json_record(index: int, item: Any) -> Record:
    record = Record(AgreementInput(title=""), index=index)
    if not isinstance(item, dict):
        not_object = QT_TRANSLATE_NOOP(
            "Import", "must be an object with the agreement's keys, not %1"
        )
        record.problem("", _say(not_object, _json_type(item)))
        record.readable = False
        return record
    read = _ObjectReader(record)
    read.keys(item, JSON_KEYS, "")
    for key in REQUIRED:
        if key not in item:
            record.problem("" if key == "title" else key, _missing_reason(key), key)
    texts = {
        key: read.text(item, key, key, key)
        for key in (*CSV_COLUMNS, "level", *EXTRA_TEXT_KEYS)
        if key not in ("parties", "fields")
    }
    binding = item.get("binding")
    if binding is not None and not isinstance(binding, bool):
        not_bool = QT_TRANSLATE_NOOP("Import", "must be true, false or null, not %1")
        record.problem("binding", _say(not_bool, _json_type(binding)))
        binding = None
    parties, plain = _json_parties(read, read.objects(item, "parties", "parties"))
    record.data = AgreementInput(
        **{**texts, "level": texts["level"].strip() or Level.UNKNOWN.value},  # type: ignore[arg-type]  # only text columns are spread
        binding=binding,
        alternative_titles=read.texts(item, "alternative_titles", "alternative_titles"),
        languages=read.texts(item, "languages", "languages"),
        fields=read.texts(item, "fields", "fields"),
        parties=parties,
        milestones=_json_milestones(read, read.objects(item, "milestones", "milestones")),
    )
    record.given = frozenset(key for key in item if key in JSON_KEYS and key not in IGNORED)
    record.plain_parties = plain
    record.file_id = _file_id(read, item.get("id"), "id")
    record.relations = _json_relations(read, read.objects(item, "relations", "relations"))
    return record


def _json_parties(
    read: _ObjectReader, items: list[Any]
) -> tuple[list[ParticipationInput], frozenset[int]]:
    parties, plain = [], set()
    item: Any
    for number, item in enumerate(items):
        path, key = f"parties[{number}]", f"parties.{number}.party"
        if isinstance(item, str):
            parties.append(ParticipationInput(party=item))
            plain.add(number)
            continue
        if not isinstance(item, dict):
            not_party = QT_TRANSLATE_NOOP("Import", "must be a name or an object, not %1")
            read.record.problem(path, _say(not_party, _json_type(item)), key)
            parties.append(ParticipationInput(party="?"))
            continue
        item = {PARTY_SYNONYMS.get(name, name): value for name, value in item.items()}
        read.keys(item, PARTY_KEYS, f"{path}.")
        if "name" not in item:
            read.record.problem(f"{path}.name", _say(MISSING), key)
        actions = [
            _json_action(read, f"{path}.actions[{n}]", f"parties.{number}.actions.{n}", action)
            for n, action in enumerate(read.objects(item, "actions", f"{path}.actions"))
        ]
        name = read.text(item, "name", f"{path}.name", key)
        code = read.text(item, "code", f"{path}.code", key).strip()
        parties.append(
            ParticipationInput(
                party=_by_code(read, f"{path}.code", name, code) if code else name,
                role=read.text(item, "role", f"{path}.role", f"parties.{number}.role").strip()
                or Role.PARTY.value,
                signatory_name=read.text(item, "signatory_name", f"{path}.signatory_name", ""),
                signatory_title=read.text(item, "signatory_title", f"{path}.signatory_title", ""),
                party_kind=read.text(
                    item, "kind", f"{path}.kind", f"parties.{number}.party_kind"
                ).strip()
                or PartyKind.ORGANIZATION.value,
                actions=actions,
            )
        )
    return parties, frozenset(plain)


def _by_code(read: _ObjectReader, path: str, name: str, code: str) -> str:
    """The name, or the code itself where the name alone would mean another party (or none).

    'East Timor' alone is Timor-Leste today; with code 'TMP' it is the historic state.
    """
    identity = identity_of(code)
    if identity is None:
        not_code = QT_TRANSLATE_NOOP(
            "Import", "'%1' is not an ISO 3166 code or an organisation's (org:EU)"
        )
        read.record.problem(path, _say(not_code, code))
        return name
    return party_reference(name, identity.iso3, identity.org_code)


def _json_action(read: _ObjectReader, path: str, key: str, item: Any) -> ActionInput:
    if not isinstance(item, dict):
        read.record.problem(path, _say(NOT_AN_OBJECT, _json_type(item)), f"{key}.type")
        return ActionInput(type="signature")
    read.keys(item, ACTION_KEYS, f"{path}.")
    return ActionInput(
        type=read.text(item, "type", f"{path}.type", f"{key}.type"),
        deposited_on=read.text(item, "deposited_on", f"{path}.deposited_on", f"{key}.deposited_on"),
        effective_on=read.text(item, "effective_on", f"{path}.effective_on", f"{key}.effective_on"),
        text=read.text(item, "text", f"{path}.text", ""),
    )


def _json_milestones(read: _ObjectReader, items: list[Any]) -> list[MilestoneInput]:
    milestones = []
    for number, item in enumerate(items):
        path, key = f"milestones[{number}]", f"milestones.{number}"
        if not isinstance(item, dict):
            read.record.problem(path, _say(NOT_AN_OBJECT, _json_type(item)), f"{key}.kind")
            milestones.append(MilestoneInput(kind="other"))
            continue
        read.keys(item, MILESTONE_KEYS, f"{path}.")
        milestones.append(
            MilestoneInput(
                kind=read.text(item, "kind", f"{path}.kind", f"{key}.kind"),
                on=read.text(item, "on", f"{path}.on", f"{key}.on"),
                description=read.text(item, "description", f"{path}.description", ""),
            )
        )
    return milestones


def _file_id(read: _ObjectReader, value: Any, path: str) -> object:
    """An object's `id` within the file: a number, or text ('12' and 12 are one id)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip()
        return int(value) if value.isdigit() else value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    not_id = QT_TRANSLATE_NOOP("Import", "must be a number or text, not %1")
    read.record.problem(path, _say(not_id, _json_type(value)))
    return None


def _json_relations(read: _ObjectReader, items: list[Any]) -> tuple[RelationRef, ...]:
    """`relations`: [{type, id, title, signed_on}], the other agreement by id or by title."""
    relations = []
    for number, item in enumerate(items):
        path = f"relations[{number}]"
        if not isinstance(item, dict):
            read.record.problem(path, _say(NOT_AN_OBJECT, _json_type(item)))
            continue
        read.keys(item, RELATION_KEYS, f"{path}.")
        kind = read.text(item, "type", f"{path}.type", "")
        try:
            RelationType.parse(kind)
        except ValueError as error:
            empty = _say(QT_TRANSLATE_NOOP("Import", "empty %1"), one_of(RelationType))
            reason = empty if not kind.strip() else message_of(error)
            read.record.problem(f"{path}.type", reason)
        title = read.text(item, "title", f"{path}.title", "")
        signed_on = read.text(item, "signed_on", f"{path}.signed_on", "")
        try:
            PartialDate.parse_optional(signed_on)
        except ValueError as error:
            read.record.problem(f"{path}.signed_on", message_of(error))
        other = _file_id(read, item.get("id"), f"{path}.id")
        if other is None and not title.strip():
            no_target = QT_TRANSLATE_NOOP(
                "Import", "names no agreement: give the id of an object in this file, or a title"
            )
            read.record.problem(path, _say(no_target))
        relations.append(RelationRef(kind, other, title, signed_on))
    return tuple(relations)


def _missing_reason(key: str) -> str:
    if key == "title":
        return _say(QT_TRANSLATE_NOOP("Import", "title is empty"))
    vocabulary = VOCABULARIES.get(key)
    missing = QT_TRANSLATE_NOOP("Import", "missing %1")
    return _say(missing, one_of(vocabulary)) if vocabulary else _say(MISSING)


MISSING = QT_TRANSLATE_NOOP("Import", "missing")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP("Import", "must be an object, not %1")
