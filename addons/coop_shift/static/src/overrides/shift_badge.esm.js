/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {PartnerLine} from "@point_of_sale/app/screens/partner_list/partner_line/partner_line";
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {SelectPartnerButton} from "@point_of_sale/app/screens/product_screen/control_buttons/select_partner_button/select_partner_button";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

// The member's shifts, as the server computed them (once a day and when
// attendance is recorded): the till only shows them.
export function shiftStateLabel(state) {
    return (
        {
            up_to_date: _t("Shifts up to date"),
            alert: _t("Shifts: alert"),
            suspended: _t("Shifts: suspended"),
            on_leave: _t("Shifts: on leave"),
            exempt: _t("Shifts: exempt"),
            unsubscribed: _t("Shifts: not taking part"),
        }[state] || ""
    );
}

export function shiftStateClass(state) {
    return (
        {
            up_to_date: "text-bg-success",
            alert: "text-bg-warning",
            suspended: "text-bg-danger",
            unsubscribed: "text-bg-danger",
        }[state] || "text-bg-info"
    );
}

const helpers = {coopShiftLabel: shiftStateLabel, coopShiftClass: shiftStateClass};
patch(PartnerLine.prototype, helpers);
patch(SelectPartnerButton.prototype, helpers);

patch(PosStore.prototype, {
    // Someone of an active member's household shops on that membership: her
    // participation's state (not "unsubscribed") says the membership is
    // active.
    coopIsActiveMember(partner) {
        return (
            super.coopIsActiveMember(...arguments) ||
            Boolean(partner?.coop_shift_state && partner.coop_shift_state !== "unsubscribed")
        );
    },

    coopOrderIssue(order) {
        const issue = super.coopOrderIssue(...arguments);
        if (issue) {
            return issue;
        }
        const partner = order.get_partner();
        const sellsGoods = order
            .get_orderlines()
            .some((line) => !this.coopShareClassOf(line.get_product()));
        if (
            this.config.coop_member_till &&
            this.config.coop_shift_till_policy === "refuse" &&
            partner &&
            partner.coop_shift_state === "suspended" &&
            sellsGoods
        ) {
            return _t(
                "%(name)s may not shop: %(state)s. Make-up shifts, booked on the member's shifts page or at the office, reopen shopping once they are done.",
                {name: partner.name, state: shiftStateLabel(partner.coop_shift_state)}
            );
        }
        return false;
    },
});
