# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Mollie's Payments API as its documentation shows it (docs.mollie.com:
"Create payment", "Get payment"), for the tests and the journey simulator:
what Odoo's payment_mollie sends, and the answers it reads. Nothing leaves
the machine: Odoo's own tests replace the same call
(``PaymentProvider._mollie_make_request``)."""

from unittest.mock import patch

import requests

from odoo.addons.payment_mollie.models.payment_provider import PaymentProvider


class MollieApi:
    """The payments created at Mollie, by id, with their status."""

    def __init__(self):
        self.payments = {}

    def patched(self):
        """Odoo's calls to Mollie answered here for the ``with`` block."""
        return patch.object(PaymentProvider, "_mollie_make_request", new=self.request)

    def request(self, endpoint, data=None, method="POST"):
        if method == "POST" and endpoint == "/payments":
            payment_id = f"tr_coop{len(self.payments) + 1:05d}"
            self.payments[payment_id] = {**data, "status": "open"}
            return {
                "resource": "payment",
                "id": payment_id,
                "mode": "test",
                "status": "open",
                "amount": data["amount"],
                "description": data["description"],
                "redirectUrl": data["redirectUrl"],
                "webhookUrl": data["webhookUrl"],
                "_links": {
                    "checkout": {
                        "href": "https://www.mollie.com/checkout/select-method/"
                        + payment_id.removeprefix("tr_"),
                        "type": "text/html",
                    }
                },
            }
        payment_id = endpoint.removeprefix("/payments/")
        assert method == "GET" and payment_id in self.payments, endpoint
        payment = self.payments[payment_id]
        return {
            "resource": "payment",
            "id": payment_id,
            "mode": "test",
            "status": payment["status"],
            "amount": payment["amount"],
            "method": "creditcard",
            "details": {"cardLabel": "Visa", "cardNumber": "6787"},
        }

    def notify(self, base_url, tx, status):
        """The payment reaches ``status`` at Mollie, which posts its id to
        the webhook (from Mollie's server: no session); Odoo reads the
        status back from Mollie."""
        self.payments[tx.provider_reference]["status"] = status
        with self.patched():
            response = requests.post(
                f"{base_url}/payment/mollie/webhook?ref={tx.reference}",
                data={"id": tx.provider_reference},
                timeout=60,
            )
        response.raise_for_status()
        tx.env.invalidate_all()
