/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {coopOrderAdvantage} from "./coop_advantage.esm";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /**
     * Past the member's monthly allowance, the order takes the reference
     * prices, and the cashier is told why the total changed.
     */
    coopApplyMonthlyCap(order) {
        const partner = order.get_partner();
        const referencePricelist = this.config.coop_reference_pricelist_id;
        if (
            !partner ||
            !referencePricelist ||
            partner.coop_cap_remaining === undefined ||
            partner.coop_cap_remaining < 0 ||
            order.pricelist_id?.id === referencePricelist.id
        ) {
            return false;
        }
        const advantage = coopOrderAdvantage(order, referencePricelist);
        if (advantage <= partner.coop_cap_remaining + 0.005) {
            return false;
        }
        order.set_pricelist(referencePricelist);
        this.dialog.add(AlertDialog, {
            title: _t("Monthly allowance used up"),
            body: _t(
                "This order would use %(advantage)s while %(left)s is left this month: it is now at the reference prices. Check the new total with the customer.",
                {
                    advantage: this.env.utils.formatCurrency(advantage),
                    left: this.env.utils.formatCurrency(partner.coop_cap_remaining),
                }
            ),
        });
        return true;
    },

    async pay() {
        if (this.coopApplyMonthlyCap(this.get_order())) {
            return;
        }
        return await super.pay(...arguments);
    },
});
