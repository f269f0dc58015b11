"""What the agreement editor shows when it opens, read in one transaction (on the worker).

Kept apart from the dialog, which imports the widgets: the window reads this on its
worker thread and hands it to the dialog, so opening the editor never waits on the
database on the GUI thread.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models import service
from models.query import FieldNode, field_tree, party_list
from models.relations import AgreementChoice, agreement_choices, incoming_relations
from models.service import AgreementInput
from models.vocab import RelationType


@dataclass(frozen=True)
class EditorData:
    """The agreement (or a template) with the version read, and the lists the editor offers."""

    data: AgreementInput
    version: int | None
    fields: list[FieldNode]
    party_names: list[str]
    choices: dict[int, AgreementChoice]  # the agreements its relations point at
    incoming: list[tuple[RelationType, AgreementChoice]]  # relations others hold to it


def read_editor_data(
    session: Session, agreement_id: int | None, template: AgreementInput | None = None
) -> EditorData:
    """Everything the editor needs; NotFoundError if *agreement_id* is gone."""
    fields = field_tree(session)
    names = [entry.name for entry in party_list(session)]
    version = None
    if agreement_id is not None:
        data, version = service.load_input(session, agreement_id)
    else:
        data = copy.deepcopy(template) if template else AgreementInput(title="")
    choices = agreement_choices(session, (r.other_id for r in data.relations))
    incoming = incoming_relations(session, agreement_id) if agreement_id is not None else []
    return EditorData(data, version, fields, names, choices, incoming)
