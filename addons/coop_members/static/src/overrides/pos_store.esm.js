/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {_t} from "@web/core/l10n/translation";
import {memberStateLabel} from "@coop_members/app/member_state.esm";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /** The share class sold by this product, if it is a share product. */
    coopShareClassOf(product) {
        return this.models["coop.share.class"].find(
            (shareClass) => shareClass.product_id?.id === product.id
        );
    },

    coopIsActiveMember(partner) {
        return partner?.coop_member_state === "active";
    },

    /** Why this order can't be paid, or false. */
    coopOrderIssue(order) {
        const lines = order.get_orderlines();
        const shareLines = lines.filter((line) =>
            this.coopShareClassOf(line.get_product())
        );
        const partner = order.get_partner();
        if (shareLines.length && !partner) {
            return _t(
                "Choose the member before selling shares: shares are registered in their name."
            );
        }
        const sellsGoods = lines.length > shareLines.length;
        if (
            this.config.coop_member_till &&
            this.config.coop_members_only &&
            sellsGoods &&
            !this.coopIsActiveMember(partner)
        ) {
            return partner
                ? _t(
                      "%(name)s is not an active member (%(state)s): this till sells to members only. They may buy shares to become a member.",
                      {name: partner.name, state: memberStateLabel(partner.coop_member_state)}
                  )
                : _t("This till sells to members only: scan the member card or choose the member.");
        }
        return false;
    },

    async pay() {
        const issue = this.coopOrderIssue(this.get_order());
        if (issue) {
            this.dialog.add(AlertDialog, {title: _t("Members"), body: issue});
            return;
        }
        return await super.pay(...arguments);
    },

    /**
     * A customer who just bought shares is a member now (the server admits
     * her when the order is saved): read her again, so her badge and the
     * members-only check say so without reloading the till.
     */
    postSyncAllOrders(orders) {
        super.postSyncAllOrders(...arguments);
        const partnerIds = new Set();
        for (const order of orders || []) {
            const buysShares = order.lines.some((line) =>
                this.coopShareClassOf(line.product_id)
            );
            if (order.partner_id && buysShares) {
                partnerIds.add(order.partner_id.id);
            }
        }
        if (partnerIds.size) {
            this.data.read("res.partner", [...partnerIds]);
        }
    },

    async selectPartner() {
        const result = await super.selectPartner(...arguments);
        this.coopWarnNonMember(this.get_order()?.get_partner());
        return result;
    },

    /** Tell the cashier at once when the customer is not an active member. */
    coopWarnNonMember(partner) {
        if (!this.config.coop_member_till || !partner || this.coopIsActiveMember(partner)) {
            return;
        }
        const state = memberStateLabel(partner.coop_member_state);
        this.dialog.add(AlertDialog, {
            title: _t("Not an active member"),
            body: this.config.coop_members_only
                ? _t(
                      "%(name)s: %(state)s. This till sells to members only: they may buy shares to become a member.",
                      {name: partner.name, state}
                  )
                : _t("%(name)s: %(state)s.", {name: partner.name, state}),
        });
    },
});
