# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# The same lines, data and emptying of the reprint queue as OCA's "pricetag"
# report, each on its own paper (a report's paper format is its own).


class ReportShelfLabelA4(models.AbstractModel):
    _name = "report.coop_shelf_label.report_shelf_label_a4"
    _inherit = "report.product_print_category.report_pricetag"
    _description = "Shelf labels on A4 sheets"


class ReportShelfLabelRoll(models.AbstractModel):
    _name = "report.coop_shelf_label.report_shelf_label_roll"
    _inherit = "report.product_print_category.report_pricetag"
    _description = "Shelf labels on a label printer's roll"
