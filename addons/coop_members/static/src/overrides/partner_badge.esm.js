/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {memberStateClass, memberStateLabel} from "@coop_members/app/member_state.esm";
import {PartnerLine} from "@point_of_sale/app/screens/partner_list/partner_line/partner_line";
import {PartnerList} from "@point_of_sale/app/screens/partner_list/partner_list";
import {ResPartner} from "@point_of_sale/app/models/res_partner";
import {SelectPartnerButton} from "@point_of_sale/app/screens/product_screen/control_buttons/select_partner_button/select_partner_button";
import {patch} from "@web/core/utils/patch";

const badgeHelpers = {
    coopStateLabel: memberStateLabel,
    coopStateClass: memberStateClass,
    // Only a member till shows members' badges.
    get coopShowBadge() {
        return Boolean(this.env.services.pos.config.coop_member_till);
    },
};
patch(PartnerLine.prototype, badgeHelpers);
patch(SelectPartnerButton.prototype, badgeHelpers);

patch(ResPartner.prototype, {
    // A member's delivery address (her pickup point's or home card, a child
    // contact Odoo keeps) is no customer of the till.
    get coopIsAddress() {
        return this.type === "delivery" && Boolean(this.parent_name);
    },
    // The member number finds the member in the loaded partners.
    get searchString() {
        return [super.searchString, this.coop_member_number || ""].join(" ");
    },
    // ...and a member number typed in full ("1" or "00001") finds that
    // member alone, not every partner whose text contains the digits.
    exactMatch(searchWord) {
        if (
            this.coop_member_number &&
            /^\d{3,}$/.test(searchWord) &&
            this.coop_member_number === searchWord.padStart(this.coop_member_number.length, "0")
        ) {
            return true;
        }
        return super.exactMatch(...arguments);
    },
});

patch(PartnerList.prototype, {
    // Members and walk-in customers only; digits typed are first a member
    // number ("33": member 00033 before the phone numbers with 33).
    getPartners() {
        const partners = super.getPartners(...arguments).filter((p) => !p.coopIsAddress);
        const query = (this.state.query || "").trim();
        if (!/^\d+$/.test(query)) {
            return partners;
        }
        const number = query.padStart(5, "0");
        return [
            ...partners.filter((p) => p.coop_member_number === number),
            ...partners.filter((p) => p.coop_member_number !== number),
        ];
    },
    // ...and on the server, for members not loaded at start.
    async getNewPartners() {
        const partners = await super.getNewPartners(...arguments);
        const query = (this.state.query || "").trim();
        if (/^\d+$/.test(query)) {
            const byNumber = await this.pos.data.searchRead(
                "res.partner",
                [["coop_member_number", "=", query.padStart(5, "0")]],
                [],
                {limit: 1}
            );
            return [...new Set([...byNumber, ...partners])].filter((p) => !p.coopIsAddress);
        }
        return partners.filter((p) => !p.coopIsAddress);
    },
});
