/** @odoo-module **/
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {_t} from "@web/core/l10n/translation";
import paymentForm from "@payment/js/payment_form";

// "Pay now" is not what happens with "Pay at pickup": nothing is paid now,
// the order is confirmed and paid when collected. The button says so.
paymentForm.include({
    async _prepareInlineForm(
        providerId,
        providerCode,
        paymentOptionId,
        paymentMethodCode,
        flow
    ) {
        const result = await this._super(...arguments);
        const button = document.querySelector('[name="o_payment_submit_button"]');
        if (button) {
            button.dataset.coopLabel ??= button.textContent.trim();
            button.textContent =
                paymentMethodCode === "coop_at_pickup"
                    ? _t("Confirm my order, I pay at pickup")
                    : button.dataset.coopLabel;
        }
        return result;
    },
});
