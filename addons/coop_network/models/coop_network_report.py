# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CoopNetworkReport(models.Model):
    """The figures of each platform of the network, per month: sums only,
    never a person. One row per company and month, from the company's first
    month of activity to the current month.

    Flows (joined, left, sales, solidarity, payouts) are the month's;
    stocks (members, share capital, fund balance) are at the end of the
    month: read them per month, a sum over months means nothing."""

    _name = "coop.network.report"
    _description = "Network figures per platform and month"
    _auto = False
    _order = "date desc, company_id"
    _rec_name = "date"

    company_id = fields.Many2one("res.company", string="Platform", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date = fields.Date(string="Month", readonly=True)
    members_joined = fields.Integer(string="Members joined", readonly=True)
    members_left = fields.Integer(string="Members left", readonly=True)
    members = fields.Integer(
        readonly=True,
        help="Partners holding shares of the platform at the end of the month.",
    )
    share_capital = fields.Monetary(
        readonly=True, help="Share capital at the end of the month."
    )
    share_capital_change = fields.Monetary(
        string="Capital subscribed (net)", readonly=True
    )
    sales_till = fields.Monetary(string="Till sales", readonly=True)
    sales_shop = fields.Monetary(string="Shop sales", readonly=True)
    sales_other = fields.Monetary(string="Other sales", readonly=True)
    solidarity_cost = fields.Monetary(
        readonly=True, help="What the discounted tiers cost the fund (net)."
    )
    solidarity_contributions = fields.Monetary(
        readonly=True,
        help="Supportive tiers, donations and subsidies received by the fund.",
    )
    fund_balance = fields.Monetary(
        string="Fund balance", readonly=True, help="At the end of the month."
    )
    producer_payouts = fields.Monetary(
        string="Stated to producers",
        readonly=True,
        help="Net amounts (excl. VAT) of the producer statements issued.",
    )
    producer_paid = fields.Monetary(
        string="Paid to producers",
        readonly=True,
        help="What the vendor bills of these statements say is paid (incl. VAT).",
    )

    def _query(self):
        month = "date_trunc('month', %s)::date"
        return SQL(
            """
            WITH held AS (
                SELECT company_id, date, amount, quantity,
                       SUM(quantity) OVER (
                           PARTITION BY company_id, partner_id ORDER BY date, id
                       ) AS after
                  FROM coop_share_movement
                 WHERE state = 'confirmed'
            ), register AS (
                SELECT company_id, %(register_month)s AS month,
                       COUNT(*) FILTER (WHERE after > 0 AND after - quantity <= 0)
                           AS joined,
                       COUNT(*) FILTER (WHERE after <= 0 AND after - quantity > 0)
                           AS left_,
                       SUM(amount) AS capital
                  FROM held GROUP BY 1, 2
            ), till AS (
                SELECT company_id, %(till_month)s AS month,
                       SUM(amount_total) AS amount
                  FROM pos_order
                 WHERE state IN ('paid', 'done', 'invoiced')
                 GROUP BY 1, 2
            ), orders AS (
                SELECT company_id, %(order_month)s AS month,
                       SUM(amount_total) FILTER (WHERE website_id IS NOT NULL)
                           AS shop,
                       SUM(amount_total) FILTER (WHERE website_id IS NULL) AS other
                  FROM sale_order
                 WHERE state = 'sale'
                 GROUP BY 1, 2
            ), fund AS (
                SELECT company_id, %(fund_month)s AS month,
                       -SUM(amount) FILTER (
                           WHERE entry_type = 'sale'
                             AND reference_price > charged_price
                       ) AS cost,
                       SUM(amount) FILTER (
                           WHERE entry_type IN ('donation', 'subsidy')
                              OR (entry_type = 'sale'
                                  AND charged_price > reference_price)
                       ) AS contributions,
                       SUM(amount) AS balance_change
                  FROM coop_solidarity_entry
                 GROUP BY 1, 2
            ), payouts AS (
                SELECT s.company_id, %(payout_month)s AS month,
                       SUM(s.amount_net) AS amount,
                       SUM(COALESCE(b.amount_total - b.amount_residual, 0))
                           AS paid
                  FROM coop_producer_statement s
                  LEFT JOIN account_move b
                         ON b.id = s.vendor_bill_id AND b.state = 'posted'
                 WHERE s.state = 'confirmed'
                 GROUP BY 1, 2
            ), activity AS (
                SELECT company_id, MIN(month) AS first_month FROM (
                    SELECT company_id, month FROM register
                    UNION ALL SELECT company_id, month FROM till
                    UNION ALL SELECT company_id, month FROM orders
                    UNION ALL SELECT company_id, month FROM fund
                    UNION ALL SELECT company_id, month FROM payouts
                ) AS months GROUP BY company_id
            ), months AS (
                SELECT a.company_id, m::date AS month
                  FROM activity a,
                       generate_series(
                           a.first_month,
                           GREATEST(date_trunc('month', now()), a.first_month),
                           interval '1 month'
                       ) AS m
            )
            SELECT ROW_NUMBER() OVER (ORDER BY m.company_id, m.month) AS id,
                   m.company_id, c.currency_id, m.month AS date,
                   COALESCE(r.joined, 0) AS members_joined,
                   COALESCE(r.left_, 0) AS members_left,
                   SUM(COALESCE(r.joined, 0) - COALESCE(r.left_, 0)) OVER w
                       AS members,
                   SUM(COALESCE(r.capital, 0)) OVER w AS share_capital,
                   COALESCE(r.capital, 0) AS share_capital_change,
                   COALESCE(t.amount, 0) AS sales_till,
                   COALESCE(o.shop, 0) AS sales_shop,
                   COALESCE(o.other, 0) AS sales_other,
                   COALESCE(f.cost, 0) AS solidarity_cost,
                   COALESCE(f.contributions, 0) AS solidarity_contributions,
                   SUM(COALESCE(f.balance_change, 0)) OVER w AS fund_balance,
                   COALESCE(p.amount, 0) AS producer_payouts,
                   COALESCE(p.paid, 0) AS producer_paid
              FROM months m
              JOIN res_company c ON c.id = m.company_id
              LEFT JOIN register r
                     ON r.company_id = m.company_id AND r.month = m.month
              LEFT JOIN till t ON t.company_id = m.company_id AND t.month = m.month
              LEFT JOIN orders o
                     ON o.company_id = m.company_id AND o.month = m.month
              LEFT JOIN fund f ON f.company_id = m.company_id AND f.month = m.month
              LEFT JOIN payouts p
                     ON p.company_id = m.company_id AND p.month = m.month
            WINDOW w AS (PARTITION BY m.company_id ORDER BY m.month)
            """,
            register_month=SQL(month, SQL.identifier("date")),
            till_month=SQL(month, SQL.identifier("date_order")),
            order_month=SQL(month, SQL.identifier("date_order")),
            fund_month=SQL(month, SQL.identifier("date")),
            payout_month=SQL(month, SQL.identifier("s", "date_to")),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )
