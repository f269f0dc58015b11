"""The change summary a write returns: what the window refreshes from."""

from models.changes import NOTHING, Changes


def test_changes_combine_into_one_step() -> None:
    saved = Changes.of(changed=[3])
    imported = Changes.of(created=[7, 8], parties=True)
    both = saved | imported
    assert both.created == {7, 8} and both.changed == {3} and both.parties
    assert both.agreements == {3, 7, 8}
    assert not both.fields and not both.everything


def test_an_agreement_created_and_deleted_in_one_step_is_deleted() -> None:
    step = Changes.of(created=[5]) | Changes.of(deleted=[5], changed=[5])
    assert step.deleted == {5} and not step.created and not step.changed


def test_no_change_is_false_and_any_change_is_true() -> None:
    assert not NOTHING
    assert Changes.of(views=True)
    assert Changes(everything=True)
