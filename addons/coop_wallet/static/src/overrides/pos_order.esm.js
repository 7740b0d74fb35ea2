/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {floatIsZero, roundPrecision} from "@web/core/utils/numbers";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

patch(PosOrder.prototype, {
    /** The lines paying from the member's prepaid account (Odoo's eWallet). */
    coopAccountLines() {
        return this.lines.filter(
            (line) =>
                line.is_reward_line && line.reward_id?.program_id?.program_type === "ewallet"
        );
    },

    /** What the prepaid account pays of this order. */
    coopPaidByAccount() {
        const lines = this.coopAccountLines();
        return roundPrecision(
            -lines.reduce((total, line) => total + line.get_price_with_tax(), 0),
            this.currency.rounding
        );
    },

    coopAccountPaysAll() {
        return (
            this.coopPaidByAccount() > 0 &&
            floatIsZero(this.getTotalDue(), this.currency.decimal_places)
        );
    },

    /**
     * The goods less the account's payment leave a float's dust (-1e-16):
     * Odoo then shows "-0,00 €" and asks for a payment method. Only on an
     * order the account pays: other totals are Odoo's (its cash rounding
     * works on them).
     */
    coopWithoutDust(amount) {
        return this.coopAccountLines().length &&
            floatIsZero(amount, this.currency.decimal_places)
            ? 0
            : amount;
    },

    get_total_with_tax() {
        return this.coopWithoutDust(super.get_total_with_tax(...arguments));
    },

    getTotalDue() {
        return this.coopWithoutDust(super.getTotalDue(...arguments));
    },

    /**
     * The receipt: the prepaid account is a means of payment, not a
     * discount. The goods' totals and their VAT ("Montant HT 2,60 €", not
     * "-0,14 €"), the account among the payments.
     */
    export_for_printing() {
        const result = super.export_for_printing(...arguments);
        const paid = this.coopPaidByAccount();
        if (!paid) {
            return result;
        }
        const accountLines = new Set(this.coopAccountLines());
        const sortedLines = this.getSortedOrderlines();
        result.orderlines = result.orderlines.filter(
            (_displayed, index) => !accountLines.has(sortedLines[index])
        );
        const taxTotals = {...result.taxTotals};
        if (taxTotals.subtotals?.length) {
            const [untaxed, ...others] = taxTotals.subtotals;
            taxTotals.subtotals = [
                {...untaxed, base_amount_currency: untaxed.base_amount_currency + paid},
                ...others,
            ];
        }
        for (const key of [
            "base_amount_currency",
            "total_amount_currency",
            "order_total",
            "order_to_pay",
        ]) {
            if (key in taxTotals) {
                taxTotals[key] += paid;
            }
        }
        result.taxTotals = taxTotals;
        result.paymentlines = [{name: _t("Prepaid account"), amount: paid}, ...result.paymentlines];
        result.amount_total += paid;
        result.total_without_tax += paid;
        return result;
    },
});
