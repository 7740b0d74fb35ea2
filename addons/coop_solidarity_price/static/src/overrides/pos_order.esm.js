/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {coopOrderAdvantage} from "./coop_advantage.esm";
import {patch} from "@web/core/utils/patch";
import {roundCurrency} from "@point_of_sale/app/models/utils/currency";

patch(PosOrder.prototype, {
    /**
     * At a tier price, the receipt shows one figure for what the tier saved,
     * the member's advantage (the one the allowance counts); Odoo's own
     * "Discounts" line then counts the cashier's discounts only (it would
     * count the tier's too, in its own way).
     */
    export_for_printing() {
        const data = super.export_for_printing(...arguments);
        const reference = this.config.coop_reference_pricelist_id;
        if (!reference || !this.get_partner() || this.pricelist_id?.id === reference.id) {
            return data;
        }
        const advantage = coopOrderAdvantage(this, reference);
        if (advantage > 0) {
            data.coop_advantage = advantage;
            data.total_discount = roundCurrency(
                this.get_orderlines().reduce((sum, line) => {
                    const prices = line.get_all_prices();
                    return sum + prices.priceWithTaxBeforeDiscount - prices.priceWithTax;
                }, 0),
                this.currency
            );
        }
        return data;
    },
});
