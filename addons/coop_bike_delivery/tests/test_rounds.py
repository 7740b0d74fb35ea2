# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io
import json

from odoo.tests import tagged

from ..models.round_planner import plan_rounds
from .common import HUB, CoopBikeCommon

# Known coordinates around the hub (50.6296 N, 3.0889 E): A 0.4 km east,
# B 1.1 km east, C 1.9 km north-east, D 1.7 km south-west; E has none.
A = (50.6300, 3.0950)
B = (50.6300, 3.1050)
C = (50.6400, 3.1100)
D = (50.6200, 3.0700)


@tagged("post_install", "-at_install", "coop_bike_delivery")
class TestRounds(CoopBikeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Friday: five stops of 5 kg (25 kg on a 20 kg bike).
        cls.friday_orders = cls.env["sale.order"]
        for name, coords in (("Dora", D), ("Bea", B), ("Eve", None), ("Ali", A)):
            cls.friday_orders |= cls._delivery(
                cls._member_at(name, coords), cls.friday, 5
            )
        cls.friday_orders |= cls._delivery(cls._member_at("Cyr", C), cls.friday, 5)
        # Saturday: four stops of 2 kg, two couriers of three stops.
        cls.saturday_orders = cls.env["sale.order"]
        for name, coords in (
            ("Nord", (50.6500, 3.0889)),
            ("Nord-est", (50.6450, 3.1000)),
            ("Sud", (50.6100, 3.0889)),
            ("Sud-ouest", (50.6150, 3.0750)),
        ):
            cls.saturday_orders |= cls._delivery(
                cls._member_at(name, coords), cls.saturday, 2
            )

    def _rounds(self):
        return self.env["stock.picking.batch"].search(
            [("coop_cycle_id", "=", self.cycle.id), ("coop_is_round", "=", True)]
        )

    def _names(self, batch):
        return [
            picking.partner_id.name
            for picking in batch.coop_stop_ids.sorted("coop_stop_sequence")
        ]

    def test_nine_orders_in_two_slots_at_the_close(self):
        # One courier each day (one save: 1 × 6 places hold the 4 orders).
        self.saturday.write({"courier_count": 1, "deliveries_per_round": 6})
        self.cycle._close()
        rounds = self._rounds()
        self.assertEqual(len(rounds), 2)
        friday = rounds.filtered(lambda b: b.coop_slot_id == self.friday)
        saturday = rounds - friday
        # Nearest neighbour from the hub; the stop without coordinates last.
        self.assertEqual(self._names(friday), ["Ali", "Bea", "Cyr", "Dora", "Eve"])
        self.assertEqual(friday.user_id, self.courier_a)
        self.assertEqual(friday.picking_ids, self.friday_orders.picking_ids)
        self.assertAlmostEqual(friday.coop_load_kg, 25.0)
        self.assertTrue(friday.coop_overloaded)
        self.assertAlmostEqual(saturday.coop_load_kg, 8.0)
        self.assertFalse(saturday.coop_overloaded)
        self.assertEqual(
            set(self._names(saturday)), {"Nord", "Nord-est", "Sud", "Sud-ouest"}
        )
        self.assertEqual(
            set(
                (self.friday_orders | self.saturday_orders).mapped(
                    "coop_delivery_state"
                )
            ),
            {"planned"},
        )
        # The pickup batches don't take the deliveries.
        others = self.cycle.batch_ids - rounds
        self.assertFalse(others.picking_ids & rounds.picking_ids)

    def test_two_couriers_share_a_slot_by_sector(self):
        rounds = self.cycle._coop_build_rounds(self.saturday_orders)
        self.assertEqual(len(rounds), 2, "4 stops, 3 a round: 2 couriers")
        self.assertEqual(rounds.user_id, self.courier_a | self.courier_b)
        sectors = sorted(sorted(self._names(batch)) for batch in rounds)
        self.assertEqual(sectors, [["Nord", "Nord-est"], ["Sud", "Sud-ouest"]])
        # Built once: a second run adds nothing.
        self.assertFalse(self.cycle._coop_build_rounds(self.saturday_orders))

    def test_planner_on_known_coordinates(self):
        stops = [
            ("d", D, ""),
            ("b", B, ""),
            ("e", None, "59000"),
            ("a", A, ""),
            ("c", C, ""),
        ]
        self.assertEqual(plan_rounds(HUB, stops, 1, 6), [["a", "b", "c", "d", "e"]])
        self.assertEqual(plan_rounds(HUB, [], 2, 3), [])
        with self.assertRaises(ValueError):
            plan_rounds(HUB, stops, 1, 4)

    def test_exports_and_round_sheet(self):
        rounds = self.cycle._coop_build_rounds(self.friday_orders)
        rows = list(csv.DictReader(io.StringIO(rounds._coop_export_csv())))
        self.assertEqual(
            [row["name"] for row in rows], ["Ali", "Bea", "Cyr", "Dora", "Eve"]
        )
        self.assertEqual(rows[0]["latitude"], str(A[0]))
        self.assertEqual(rows[4]["latitude"], "")
        self.assertIn("Carottes A", rows[0]["items"])
        geo = json.loads(rounds._coop_export_geojson())
        self.assertEqual(geo["type"], "FeatureCollection")
        self.assertEqual(geo["features"][0]["geometry"]["coordinates"], [A[1], A[0]])
        self.assertIsNone(geo["features"][4]["geometry"])
        report = self.env.ref("coop_bike_delivery.action_report_bike_round")
        html = (
            report.with_context(lang="fr_FR")
            ._render_qweb_html(report.report_name, rounds.ids)[0]
            .decode()
        )
        positions = [
            html.index(f"<strong>{name}</strong>")
            for name in ("Ali", "Bea", "Cyr", "Dora", "Eve")
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("25", html)  # kg, over the 20 kg bike
        self.assertIn("text-danger", html)
        # The PDF itself: tests/test_demo_pdfs.py (wkhtmltopdf, demo round).
