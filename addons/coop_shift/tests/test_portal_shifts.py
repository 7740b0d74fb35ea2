# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestPortalShifts(HttpCase):
    """Amina (the demo's ``membre``) on "Mes créneaux", on her phone: her
    state and next shifts in French; she announces an absence, takes a
    place offered for a swap, signs up for a make-up; another member's
    shift is not hers to touch; her calendar link."""

    def _post(self, url):
        return self.url_open(url, data={"csrf_token": http.Request.csrf_token(self)})

    def setUp(self):
        super().setUp()
        self.amina = self.env.ref("coop_members.res_users_member_demo").partner_id
        self.participation = self.env["coop.shift.participation"].search(
            [("partner_id", "=", self.amina.id)]
        )
        self.assertEqual(self.participation.state, "up_to_date")

    def test_her_page_in_french(self):
        self.authenticate("membre", "membre")
        page = self.url_open("/my/shifts").text
        for text in (
            "Mes créneaux",
            "À jour",
            "Mes prochains créneaux",
            "Je ne pourrai pas venir",
            "Créneaux où il manque du monde",
            "Ajouter mes créneaux à mon agenda",
        ):
            self.assertIn(text, page)
        self.assertNotIn("Your next shifts", page)
        # Who offers a place is not shown: the shift only.
        offered = self.env["coop.shift.registration"].search(
            [("swap_offered", "=", True)], limit=1
        )
        self.assertTrue(offered, "the demo offers a place")
        self.assertIn("Je le prends", page)
        self.assertNotIn(offered.partner_id.name, page)
        home = self.url_open("/my").text
        self.assertIn("Mes créneaux", home)

    def test_she_announces_an_absence_and_catches_up(self):
        registration = self.participation.registration_ids.filtered(
            lambda r: r.state == "open"
        ).sorted("shift_start")[:1]
        self.authenticate("membre", "membre")
        response = self._post(f"/my/shifts/{registration.id}/absent")
        self.assertIn("Votre absence est enregistrée", response.text)
        self.assertEqual(registration.state, "excused")
        self.assertEqual(
            (self.participation.counter, self.participation.state), (-1, "alert")
        )
        self.assertIn("rattrapage", response.text)
        # She signs up for a make-up where help is needed.
        shift = self.env["coop.shift"].search(
            [
                ("company_id", "=", self.participation.company_id.id),
                ("coverage", "=", "short"),
                ("state", "=", "open"),
                ("start", ">", registration.shift_start),
                ("id", "not in", self.participation.registration_ids.shift_id.ids),
            ],
            order="start",
            limit=1,
        )
        response = self._post(f"/my/shifts/join/{shift.id}")
        self.assertIn("Inscription enregistrée", response.text)
        self.assertIn(self.amina, shift.registration_ids.partner_id)

    def test_she_takes_a_place_offered_for_a_swap(self):
        offered = self.env["coop.shift.registration"].search(
            [("swap_offered", "=", True)], limit=1
        )
        owner = offered.participation_id
        self.authenticate("membre", "membre")
        response = self._post(f"/my/shifts/{offered.id}/take")
        self.assertIn("Vous prenez ce créneau", response.text)
        self.assertEqual(offered.state, "swapped")
        self.assertEqual(offered.replaced_by_id.partner_id, self.amina)
        self.assertEqual(owner.counter, 0, "replaced without penalty")

    def test_another_members_shift_is_not_hers(self):
        other = self.env["coop.shift.registration"].search(
            [
                ("participation_id", "!=", self.participation.id),
                ("state", "=", "open"),
                ("swap_offered", "=", False),
            ],
            limit=1,
        )
        self.authenticate("membre", "membre")
        for action in ("absent", "swap", "take"):
            response = self._post(f"/my/shifts/{other.id}/{action}")
            self.assertEqual(response.status_code, 404)
        self.assertEqual(other.state, "open")
        self.assertFalse(other.swap_offered)

    def test_her_calendar_link(self):
        token = self.participation._portal_ensure_token()
        response = self.url_open(f"/my/shifts/calendar.ics?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/calendar", response.headers["Content-Type"])
        events = response.text.count("BEGIN:VEVENT")
        self.assertEqual(
            events,
            len(
                self.participation.registration_ids.filtered(
                    lambda r: r.state == "open"
                )
            ),
        )
        self.assertGreater(events, 0)
        wrong = self.url_open("/my/shifts/calendar.ics?access_token=nope")
        self.assertEqual(wrong.status_code, 404)
