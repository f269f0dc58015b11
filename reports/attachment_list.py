"""The fact sheet's list of attachments: label, file, version, size, date, whether searched."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from models.attachment_text import TextStatus
from models.attachments import AttachmentView, size_text
from reports import styles as st
from reports.grid import Grid, Text
from reports.kit import StoryKit
from reports.section import HEADING_ROOM, HeadingMaker

COLUMNS = (38 * mm, st.FRAME_WIDTH - 104 * mm, 14 * mm, 22 * mm, 30 * mm)
_TEXT = {
    TextStatus.TEXT: "text searched",
    TextStatus.SCANNED: "scanned: no text layer",
    TextStatus.UNREADABLE: "text could not be read",
    TextStatus.NONE: "no text",
}


def attachments_block(
    kit: StoryKit, attachments: Sequence[AttachmentView], heading: HeadingMaker
) -> list[Flowable]:
    """One row per attachment (its current version; how many earlier ones it has)."""
    styles = kit.styles
    story: list[Flowable] = [CondPageBreak(HEADING_ROOM), heading("Attachments", "attachments")]
    if not attachments:
        return [*story, kit.line("No files attached.", styles.missing)]
    names = ("Label", "File", "Version", "Size", "Added")
    header = [Text(name, styles.header_cell) for name in names]
    rows = []
    for attachment in attachments:
        current = attachment.current
        label = attachment.label + (f" ({attachment.language})" if attachment.language else "")
        earlier = len(attachment.versions) - 1
        version = f"v{current.number}" + (f" (+{earlier})" if earlier else "")
        rows.append(
            [
                kit.cell(label, styles.cell, COLUMNS[0]),
                kit.stack(
                    [
                        (current.filename, styles.cell),
                        (_TEXT[current.text_status], styles.cell_note),
                    ],
                    COLUMNS[1],
                ),
                kit.cell(version, styles.cell, COLUMNS[2]),
                kit.cell(size_text(current.size), styles.cell, COLUMNS[3]),
                kit.cell(current.added_at.strftime("%Y-%m-%d"), styles.cell, COLUMNS[4]),
            ]
        )
    story.append(Grid(rows, COLUMNS, header=header))
    return story
