# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CoopNetworkProducerReport(models.Model):
    """Producer payouts per platform and month: the network's top
    producers; what was stated to each, and what of it the statements'
    vendor bills say is paid and left to pay. The farm's name only
    (public: the shop shows it), so that the coordinator needs no access to
    partners."""

    _name = "coop.network.producer.report"
    _description = "Producer payouts per platform and month"
    _auto = False
    _order = "date desc, amount_net desc"
    _rec_name = "producer_name"

    company_id = fields.Many2one("res.company", string="Platform", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date = fields.Date(string="Month", readonly=True)
    producer_name = fields.Char(string="Producer", readonly=True)
    amount_sales = fields.Monetary(string="Sales value", readonly=True)
    amount_net = fields.Monetary(string="Stated (excl. VAT)", readonly=True)
    amount_total = fields.Monetary(string="Stated (incl. VAT)", readonly=True)
    # From the statements' vendor bills: what was paid, what is left to pay.
    amount_paid = fields.Monetary(string="Paid out", readonly=True)
    amount_to_pay = fields.Monetary(string="Left to pay", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT MIN(s.id) AS id, s.company_id, c.currency_id,
                           date_trunc('month', s.date_to)::date AS date,
                           COALESCE(NULLIF(p.coop_farm_name, ''), p.name)
                               AS producer_name,
                           SUM(s.amount_sales) AS amount_sales,
                           SUM(s.amount_net) AS amount_net,
                           -- an issued statement's bill holds its VAT
                           SUM(COALESCE(b.amount_total, s.amount_net))
                               AS amount_total,
                           SUM(COALESCE(b.amount_total - b.amount_residual, 0))
                               AS amount_paid,
                           SUM(COALESCE(b.amount_residual, s.amount_net))
                               AS amount_to_pay
                      FROM coop_producer_statement s
                      JOIN res_company c ON c.id = s.company_id
                      JOIN res_partner p ON p.id = s.producer_id
                      LEFT JOIN account_move b
                             ON b.id = s.vendor_bill_id AND b.state = 'posted'
                     WHERE s.state = 'confirmed'
                     GROUP BY 2, 3, 4, 5
                )
                """,
                SQL.identifier(self._table),
            )
        )
