# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install", "coop_network")
class TestNetworkReport(TransactionCase):
    """The coordinator reads each platform's figures, which are the sums of
    the platform's records (computed again here from the records), and
    nothing personal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create(
            {"name": "Épicerie arrageoise (essai)"}
        )
        company_b = cls.company_b
        cls.class_b = cls.env["coop.share.class"].create(
            {
                "code": "A",
                "name": "Coopérateurs d'Arras",
                "nominal_value": 20,
                "company_id": company_b.id,
            }
        )
        cls.alice, cls.bruno, cls.chloe = cls.env["res.partner"].create(
            [
                {"name": "Alice Arras", "email": "alice@example.com"},
                {"name": "Bruno Arras"},
                {"name": "Chloé Arras"},
            ]
        )
        Movement = cls.env["coop.share.movement"]
        last_month = fields.Date.today() - relativedelta(months=1)
        for partner, quantity, date in (
            (cls.alice, 2, last_month),
            (cls.bruno, 1, last_month),
            (cls.chloe, 5, fields.Date.today()),
        ):
            Movement.create(
                {
                    "partner_id": partner.id,
                    "share_class_id": cls.class_b.id,
                    "type": "subscription",
                    "quantity": quantity,
                    "date": date,
                }
            )._confirm()
        # Bruno leaves this month.
        Movement.create(
            {
                "partner_id": cls.bruno.id,
                "share_class_id": cls.class_b.id,
                "type": "redemption",
                "quantity": -1,
            }
        )._confirm()
        product = cls.env["product.product"].create(
            {"name": "Pain d'Arras", "list_price": 10.0, "taxes_id": False}
        )
        website_b = cls.env["website"].create(
            {"name": "Épicerie d'Arras", "company_id": company_b.id}
        )
        Order = cls.env["sale.order"].with_company(company_b)
        for qty, website in ((3, website_b), (1, cls.env["website"])):
            Order.create(
                {
                    "partner_id": cls.alice.id,
                    "company_id": company_b.id,
                    "website_id": website.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": qty}
                        )
                    ],
                }
            ).action_confirm()
        cls.env["coop.solidarity.entry"].create(
            {
                "name": "Subvention Communauté urbaine d'Arras",
                "entry_type": "subsidy",
                "amount": 500.0,
                "company_id": company_b.id,
            }
        )
        cls.coordinator = new_test_user(
            cls.env,
            login="coop_coordinator",
            groups="coop_network.group_network_coordinator",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id, company_b.id],
        )
        cls.month = fields.Date.today().replace(day=1)

    def _row(self, company, month=None):
        Report = self.env["coop.network.report"].with_user(self.coordinator)
        return Report.search(
            [("company_id", "=", company.id), ("date", "=", month or self.month)]
        )

    def _expected(self, company):
        """The month's figures computed from the records themselves."""
        env = self.env
        end = self.month + relativedelta(months=1, days=-1)
        holdings = {}
        for partner, quantity in env["coop.share.movement"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "confirmed"),
                ("date", "<=", end),
            ],
            ["partner_id"],
            ["quantity:sum"],
        ):
            holdings[partner] = quantity
        capital = sum(
            env["coop.share.movement"]
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "confirmed"),
                    ("date", "<=", end),
                ]
            )
            .mapped("amount")
        )
        month_domain = [
            ("company_id", "=", company.id),
            ("date_order", ">=", fields.Datetime.to_datetime(self.month)),
            (
                "date_order",
                "<",
                fields.Datetime.to_datetime(end + relativedelta(days=1)),
            ),
        ]
        orders = env["sale.order"].search([*month_domain, ("state", "=", "sale")])
        till = env["pos.order"].search(
            [*month_domain, ("state", "in", ("paid", "done", "invoiced"))]
        )
        fund = env["coop.solidarity.entry"].search(
            [("company_id", "=", company.id), ("date", "<=", end)]
        )
        return {
            "members": sum(1 for quantity in holdings.values() if quantity > 0),
            "share_capital": capital,
            "sales_shop": sum(orders.filtered("website_id").mapped("amount_total")),
            "sales_other": sum(
                orders.filtered(lambda o: not o.website_id).mapped("amount_total")
            ),
            "sales_till": sum(till.mapped("amount_total")),
            "fund_balance": sum(fund.mapped("amount")),
        }

    def test_figures_are_the_sums_of_the_records(self):
        for company in (self.company_a, self.company_b):
            with self.subTest(company=company.name):
                row = self._row(company)
                self.assertEqual(len(row), 1)
                for measure, value in self._expected(company).items():
                    self.assertAlmostEqual(row[measure], value, places=2, msg=measure)

    def test_figures_of_arras(self):
        row = self._row(self.company_b)
        # Alice and Chloé hold shares; Chloé joined and Bruno left this month.
        self.assertEqual((row.members, row.members_joined, row.members_left), (2, 1, 1))
        self.assertAlmostEqual(row.share_capital, 140.0)  # (2 + 5) × 20 €
        self.assertAlmostEqual(row.share_capital_change, 80.0)  # 5 × 20 − 20
        self.assertAlmostEqual(row.sales_shop, 30.0)
        self.assertAlmostEqual(row.sales_other, 10.0)
        self.assertAlmostEqual(row.solidarity_contributions, 500.0)
        self.assertAlmostEqual(row.fund_balance, 500.0)
        last = self._row(self.company_b, self.month - relativedelta(months=1))
        self.assertEqual((last.members, last.members_joined), (2, 2))
        self.assertAlmostEqual(last.share_capital, 60.0)

    def test_the_coordinator_reads_nothing_personal(self):
        env = self.env(user=self.coordinator)
        with self.assertRaises(AccessError):
            env["res.partner"].browse(self.alice.id).read(["email"])
        self.assertFalse(env["res.partner"].search([("id", "=", self.alice.id)]))
        with self.assertRaises(AccessError):
            env["coop.share.movement"].search([])
        with self.assertRaises(AccessError):
            env["coop.tier.evidence"].search([])
        with self.assertRaises(AccessError):
            env["sale.order"].search([])
        # Figures only, of the platforms the coordinator is given.
        self.assertEqual(
            env["coop.network.report"].search([]).company_id,
            self.company_a | self.company_b,
        )
        # Whichever companies are ticked in the switcher: the coordinator
        # compares platforms.
        env_a = self.env(
            user=self.coordinator,
            context={"allowed_company_ids": [self.company_a.id]},
        )
        self.assertEqual(
            env_a["coop.network.report"].search([]).company_id,
            self.company_a | self.company_b,
        )
        # A platform's staff, given their company only, see theirs only.
        manager_a = new_test_user(
            self.env,
            login="coop_network_manager_a",
            groups="base.group_user,coop_members.coop_member_group_manager",
            company_id=self.company_a.id,
            company_ids=[self.company_a.id],
        )
        self.assertEqual(
            self.env(user=manager_a)["coop.network.report"].search([]).company_id,
            self.company_a,
        )
