/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {PosOrderline} from "@point_of_sale/app/models/pos_order_line";
import {patch} from "@web/core/utils/patch";

patch(PosOrderline.prototype, {
    /**
     * Whether the line sells goods, which a tier prices and the allowance
     * counts (pos.order.line._coop_is_goods on the server); money passing
     * through the order (a prepaid account's top-up or payment, in
     * coop_wallet) is not.
     */
    coopIsGoods() {
        return true;
    },
});
