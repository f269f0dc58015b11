"""Drafting agreements from a press release: offline rules over a gazetteer and a lexicon.

`extract(text, published)` gives one Draft per document the article reports signed;
models.extract.saving turns drafts into records. Nothing here imports Qt.
"""

from models.extract.drafting import Draft, Evidence, Extraction, extract
from models.extract.reading import ArticleText, UnreadableArticle, read_article

__all__ = [
    "ArticleText",
    "Draft",
    "Evidence",
    "Extraction",
    "UnreadableArticle",
    "extract",
    "read_article",
]
