"""The journey simulator in every test run (issue #31): a seeded, bounded
run of tests/journeys.py on the demo, and the sequences it ever found
broken, kept as plain tests. ``make test-journeys`` runs a long one
(``STEPS``, 5,000 by default, with a random seed it prints)."""

import os
import time

import journeys
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from odoo import Command
from odoo.tests import HttpCase
from odoo.tools import mute_logger

# The CI's budget: sequences × steps (a few minutes).
EXAMPLES = int(os.environ.get("COOP_JOURNEY_EXAMPLES", "10"))
STEPS = int(os.environ.get("COOP_JOURNEY_STEPS", "12"))
SEED = os.environ.get("COOP_JOURNEY_SEED")


class TestJourneys(HttpCase):
    test_module, test_class, test_sequence = ("coop_repository", "TestJourneys", 0)
    test_tags = frozenset({"post_install", "coop_repository"})

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Two more members on the shop: Camille at Tarif A (−60 %, 12,50 €
        # on her account), Fatima at the supportive Tarif D.
        portal = cls.env.ref("base.group_portal")
        for login, xmlid in (
            ("sim-a", "coop_members.coop_member_demo_01"),
            ("sim-d", "coop_members.coop_member_demo_09"),
        ):
            cls.env["res.users"].with_context(no_reset_password=True).create(
                {
                    "login": login,
                    "password": login,
                    "partner_id": cls.env.ref(xmlid).id,
                    "groups_id": [Command.set(portal.ids)],
                }
            )

    def test_random_journeys_keep_money_and_privacy(self):
        journeys.Journeys.case = self
        journeys.Journeys.steps = 0
        start = time.monotonic()
        options = {
            "max_examples": EXAMPLES,
            "stateful_step_count": STEPS,
            "deadline": None,
            "database": None,
            "suppress_health_check": list(HealthCheck),
            "print_blob": True,
        }
        if SEED is None:
            options["derandomize"] = True
        else:
            options["derandomize"] = False
        with mute_logger("odoo.http"):
            run_state_machine_as_test(
                journeys.Journeys,
                settings=settings(**options),
                **({"_min_steps": 0} if False else {}),
            )
        seconds = time.monotonic() - start
        print(
            f"journeys: {EXAMPLES} sequences, {journeys.Journeys.steps} steps in"
            f" {seconds:.0f} s ({journeys.Journeys.steps / seconds:.1f} steps/s)"
        )
