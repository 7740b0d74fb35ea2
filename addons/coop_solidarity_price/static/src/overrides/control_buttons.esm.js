/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {ControlButtons} from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import {patch} from "@web/core/utils/patch";

patch(ControlButtons.prototype, {
    /**
     * At a till of a company with tiers the button is gone
     * (control_buttons.xml), and nothing else may open the list: the
     * member's tier sets the price. Other tills keep Odoo's list.
     */
    async clickPricelist() {
        if (this.pos.config.coop_reference_pricelist_id) {
            return false;
        }
        return await super.clickPricelist(...arguments);
    },
});
