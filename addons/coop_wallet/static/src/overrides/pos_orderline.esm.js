/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {PosOrderline} from "@point_of_sale/app/models/pos_order_line";
import {patch} from "@web/core/utils/patch";

patch(PosOrderline.prototype, {
    // The eWallet's payment line, a top-up and a donation are money: they
    // never count in the tier's advantage (pos.order.line._coop_is_goods).
    coopIsGoods() {
        return (
            super.coopIsGoods(...arguments) &&
            !this.is_reward_line &&
            !this.get_product().coop_money_kind
        );
    },
});
