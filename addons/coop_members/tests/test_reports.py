# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.coop_members.tests import common


@tagged("post_install", "-at_install", "coop_members")
class TestReports(common.CoopMembersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Movement = cls.env["coop.share.movement"]
        for partner, share_class, quantity, day in (
            (cls.alice, cls.class_a, 2, date(2026, 1, 10)),
            (cls.bruno, cls.class_d, 3, date(2026, 2, 10)),
            (cls.alice, cls.class_d, 1, date(2026, 3, 10)),
        ):
            Movement.create(
                {
                    "partner_id": partner.id,
                    "share_class_id": share_class.id,
                    "type": "subscription",
                    "quantity": quantity,
                    "date": day,
                }
            )._confirm()

    def html(self, report, docids, data=None):
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.members_user)
            ._render_qweb_html(report, docids, data=data)
        )
        return html.decode()

    def test_certificate_shows_holdings_and_entries(self):
        html = self.html("coop_members.action_report_share_certificate", self.alice.ids)
        self.assertIn("Alice Martin", html)
        self.assertIn(self.alice.coop_member_number, html)
        self.assertIn("TA - Test consumers", html)
        self.assertIn("TD - Test supporters", html)
        self.assertNotIn("Bruno Dupont", html)

    def test_member_card_carries_the_barcode(self):
        html = self.html("coop_members.action_report_member_card", self.alice.ids)
        self.assertIn(self.alice.barcode, html)
        self.assertIn("/report/barcode/?barcode_type=Code128", html)
        self.assertIn(self.alice.coop_member_number, html)

    def test_register_rows_period_and_totals(self):
        Movement = self.env["coop.share.movement"].with_user(self.members_user)
        rows = Movement._register_rows()
        ours = [row for row in rows if row["class_code"] in ("TA", "TD")]
        self.assertEqual(len(ours), 3)
        self.assertEqual(
            [row["name"] for row in rows], sorted(row["name"] for row in rows)
        )
        feb = [
            row
            for row in Movement._register_rows("2026-02-01", "2026-02-28")
            if row["class_code"] in ("TA", "TD")
        ]
        self.assertEqual([row["partner_name"] for row in feb], ["Bruno Dupont"])
        totals = {t["class_code"]: t for t in Movement._register_totals(ours)}
        self.assertEqual(totals["TD"]["quantity"], 4)
        self.assertEqual(totals["TD"]["amount"], 400.0)
        html = self.html(
            "coop_members.action_report_share_register",
            None,
            data={"date_from": "2026-02-10", "date_to": "2026-02-10"},
        )
        self.assertIn("Bruno Dupont", html)
        self.assertNotIn("Alice Martin", html)

    def test_register_first_print_has_its_rows(self):
        # Empty caches, as after a server start: loading the movement types'
        # labels runs queries of its own, which used to replace the rows.
        self.env.registry.clear_cache()
        self.env.invalidate_all()
        rows = self.env["coop.share.movement"]._register_rows()
        self.assertEqual(
            len([row for row in rows if row["class_code"] in ("TA", "TD")]), 3
        )

    def test_register_rows_take_constant_queries(self):
        Movement = self.env["coop.share.movement"]

        def count_queries():
            Movement.invalidate_model()
            before = self.env.cr.sql_log_count
            rows = Movement._register_rows()
            return self.env.cr.sql_log_count - before, rows

        count_queries()  # warm the access-rights cache
        few, _rows = count_queries()
        many = self.env["res.partner"].create(
            [{"name": f"Membre {i}"} for i in range(40)]
        )
        Movement.create(
            [
                {
                    "partner_id": partner.id,
                    "share_class_id": self.class_d.id,
                    "type": "subscription",
                    "quantity": 1,
                }
                for partner in many
            ]
        )._confirm()
        many_queries, rows = count_queries()
        self.assertGreaterEqual(len(rows), 43)
        self.assertEqual(many_queries, few, "no query per register line")
        self.assertEqual(few, 1)

    def test_csv_export(self):
        wizard = (
            self.env["coop.share.register.wizard"]
            .with_user(self.members_user)
            .create({"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)})
        )
        action = wizard.action_export_csv()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        raw = self.env["ir.attachment"].browse(attachment_id).raw
        self.assertTrue(raw.startswith("\ufeff".encode()))
        reader = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(len(reader[0]), 10)  # header
        ours = [row for row in reader[1:] if row[4] in ("TA", "TD")]
        self.assertEqual(len(ours), 3)
        self.assertEqual(ours[0][2], "Alice Martin")
        self.assertEqual(ours[0][6], "2")
        self.assertEqual(ours[1][4], "TD")

    def test_csv_export_writes_french_decimals_and_dates(self):
        self.env.ref("base.lang_fr").active = True
        wizard = (
            self.env["coop.share.register.wizard"]
            .with_user(self.members_user)
            .with_context(lang="fr_FR")
            .create({"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)})
        )
        raw = wizard._coop_register_csv().decode("utf-8-sig")
        reader = list(csv.reader(io.StringIO(raw), delimiter=";"))
        ours = [row for row in reader[1:] if row[4] == "TA"]
        # Alice's 2 shares of 10 €: "10,00" and "20,00", dated as in France.
        self.assertEqual((ours[0][7], ours[0][8]), ("10,00", "20,00"))
        self.assertEqual(ours[0][1], "10/01/2026")

    def test_bad_period_is_refused(self):
        wizard = self.env["coop.share.register.wizard"].create(
            {"date_from": date(2026, 3, 1), "date_to": date(2026, 1, 1)}
        )
        with self.assertRaises(UserError):
            wizard.action_print()
        with self.assertRaises(UserError):
            wizard.action_export_csv()

    def test_register_is_not_for_everyone(self):
        employee = new_test_user(
            self.env, login="coop_employee", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.env["coop.share.movement"].with_user(employee)._register_rows()
