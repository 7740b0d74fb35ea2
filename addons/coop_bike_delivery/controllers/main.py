# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.coop_marketplace.controllers.main import CoopWebsiteSale


class CoopBikeWebsiteSale(CoopWebsiteSale):
    def _coop_slot_step_post(self, order_sudo, **post):
        """The delivery slot's step also takes the courier's instructions."""
        res = super()._coop_slot_step_post(order_sudo, **post)
        if order_sudo._coop_is_bike():
            order_sudo._coop_set_delivery_notes(post.get("delivery_notes"))
        return res
