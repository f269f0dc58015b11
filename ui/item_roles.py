"""The custom data roles of the window's lists, trees and tables: one number for each meaning.

Every item view keeps a record's id under ID_ROLE (the agreement table, the filter lists,
the due list), so code that reads an id from any of them asks for the same role.
"""

from PySide6.QtCore import Qt

ID_ROLE = Qt.ItemDataRole.UserRole  # the id (or vocabulary member) the item stands for
NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the bare name, without the count beside it
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # the number shown beside a filter value
