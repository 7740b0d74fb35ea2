/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {coopOrderAdvantage} from "./coop_advantage.esm";
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {patch} from "@web/core/utils/patch";

patch(PaymentScreen.prototype, {
    // The next order of the same member, in the same session, starts from
    // what is left (the server recomputes it on the next load).
    async _finalizeValidation() {
        const order = this.currentOrder;
        const partner = order.get_partner();
        const referencePricelist = this.pos.config.coop_reference_pricelist_id;
        let advantage = 0;
        if (partner && referencePricelist && partner.coop_cap_remaining >= 0) {
            advantage = coopOrderAdvantage(order, referencePricelist);
        }
        const result = await super._finalizeValidation(...arguments);
        if (advantage > 0) {
            partner.coop_cap_remaining = Math.max(0, partner.coop_cap_remaining - advantage);
        }
        return result;
    },
});
