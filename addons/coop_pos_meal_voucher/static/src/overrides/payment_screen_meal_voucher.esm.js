/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// Titres-restaurant at the till: the payment line takes at most what the
// vouchers may pay (the order's eligible food, the day's limit left, what is
// due) and the cashier reads why; the order is refused before it leaves the
// till if they pay more. The server decides all the same
// (pos.order._coop_meal_voucher_problem): this only spares the cashier a
// refused order.
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PaymentScreen} from "@point_of_sale/app/screens/payment_screen/payment_screen";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";
import {roundPrecision} from "@web/core/utils/numbers";

patch(PaymentScreen.prototype, {
    coopMealVoucherLines() {
        return this.currentOrder.payment_ids.filter(
            (line) => line.payment_method_id.coop_meal_voucher
        );
    },

    /**
     * What the order's titres-restaurant may pay in all, and why not more.
     * @returns {Promise<{amount: number, reason: string}>}
     */
    async coopMealVoucherAllowance() {
        const order = this.currentOrder;
        const rounding = this.pos.currency.rounding;
        const format = (amount) => this.env.utils.formatCurrency(amount);
        const eligible = roundPrecision(
            order
                .get_orderlines()
                .filter(
                    (line) =>
                        line.get_quantity() > 0 && line.get_product().coop_meal_voucher_ok
                )
                .reduce((total, line) => total + line.get_price_with_tax(), 0),
            rounding
        );
        const limit = this.pos.company.coop_meal_voucher_daily_limit;
        const partner = order.get_partner();
        const spent = partner
            ? await this.pos.data.call("pos.order", "coop_meal_voucher_spent_today", [
                  partner.id,
              ])
            : 0;
        const left = roundPrecision(Math.max(limit - spent, 0), rounding);
        if (eligible <= left) {
            return {
                amount: eligible,
                reason: _t(
                    "Titres-restaurant pay for food only: %s in this order (no alcohol, non-food goods, shares, top-ups or donations).",
                    format(eligible)
                ),
            };
        }
        return {
            amount: left,
            reason: _t(
                "Titres-restaurant: %s a day per person; %s already paid today.",
                format(limit),
                format(spent)
            ),
        };
    },

    async addNewPaymentLine(paymentMethod) {
        if (!paymentMethod.coop_meal_voucher) {
            return super.addNewPaymentLine(...arguments);
        }
        const allowance = await this.coopMealVoucherAllowance();
        const taken = this.coopMealVoucherLines().reduce(
            (total, line) => total + line.get_amount(),
            0
        );
        const room = Math.min(allowance.amount - taken, this.currentOrder.get_due());
        if (room <= 0) {
            this.dialog.add(AlertDialog, {
                title: _t("Titres-restaurant"),
                body: allowance.reason,
            });
            return false;
        }
        const result = await super.addNewPaymentLine(...arguments);
        const line = this.paymentLines.at(-1);
        if (result && line?.payment_method_id.coop_meal_voucher) {
            if (line.get_amount() > room) {
                line.set_amount(room);
            }
            this.notification.add(allowance.reason, {type: "info"});
        }
        return result;
    },

    async _isOrderValid(isForceValidate) {
        const lines = this.coopMealVoucherLines();
        if (lines.length) {
            const paid = lines.reduce((total, line) => total + line.get_amount(), 0);
            const allowance = await this.coopMealVoucherAllowance();
            let reason = false;
            if (paid - allowance.amount > this.pos.currency.rounding / 2) {
                reason = allowance.reason;
            } else {
                const cashGiven = this.currentOrder.payment_ids
                    .filter((line) => line.payment_method_id.is_cash_count)
                    .reduce((total, line) => total + Math.max(line.get_amount(), 0), 0);
                if (this.currentOrder.get_change() - cashGiven > 0.00001) {
                    reason = _t(
                        "Titres-restaurant give no change: enter no more than what is due, or pay the rest in cash."
                    );
                }
            }
            if (reason) {
                this.dialog.add(AlertDialog, {
                    title: _t("Titres-restaurant"),
                    body: reason,
                });
                return false;
            }
        }
        return super._isOrderValid(...arguments);
    },
});
