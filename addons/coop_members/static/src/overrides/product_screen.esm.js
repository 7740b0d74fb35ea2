/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {ProductScreen} from "@point_of_sale/app/screens/product_screen/product_screen";
import {patch} from "@web/core/utils/patch";

patch(ProductScreen.prototype, {
    // A scanned member card selects the member: warn as the list does.
    async _barcodePartnerAction(code) {
        const before = this.currentOrder.get_partner();
        await super._barcodePartnerAction(...arguments);
        const partner = this.currentOrder.get_partner();
        if (partner && partner !== before) {
            this.pos.coopWarnNonMember(partner);
        }
    },
});
