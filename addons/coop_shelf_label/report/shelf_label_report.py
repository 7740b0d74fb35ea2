# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportPricetag(models.AbstractModel):
    """OCA's labels report, without its write: it emptied the queue while
    rendering, and Odoo 18 serves /report/ read-only (the write failed, an
    error was logged and the request ran again). The wizard empties the
    queue when the staff print (product.print.wizard.print_report)."""

    _inherit = "report.product_print_category.report_pricetag"

    @api.model
    def _get_report_values(self, docids, data=None):
        return {"categories_data": self._prepare_categories_data(docids, data=data)}


# The same lines and data on each paper (a report's paper format is its own).


class ReportShelfLabelA4(models.AbstractModel):
    _name = "report.coop_shelf_label.report_shelf_label_a4"
    _inherit = "report.product_print_category.report_pricetag"
    _description = "Shelf labels on A4 sheets"


class ReportShelfLabelRoll(models.AbstractModel):
    _name = "report.coop_shelf_label.report_shelf_label_roll"
    _inherit = "report.product_print_category.report_pricetag"
    _description = "Shelf labels on a label printer's roll"
