"""PDF reports (ReportLab): a summary of any filter or selection, and one agreement's fact sheet.

No Qt here: the GUI runs these on its worker thread, the command line calls them directly.
"""

from reports.fact_sheet import write_fact_sheet
from reports.output import ReportResult
from reports.summary_report import write_summary

__all__ = ["ReportResult", "write_fact_sheet", "write_summary"]
