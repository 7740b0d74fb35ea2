/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {makeActionAwaitable} from "@point_of_sale/app/store/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /** A customer created at a members' till is this coop's walk-in
     * customer: her contact carries the till's company, so that another
     * coop's till neither loads nor finds her (Odoo's own form, as Odoo
     * opens it, with the company set). */
    async editPartner(partner) {
        if (partner || !this.config.coop_member_till) {
            return await super.editPartner(partner);
        }
        const record = await makeActionAwaitable(
            this.action,
            "point_of_sale.res_partner_action_edit_pos",
            {
                props: {resId: undefined},
                additionalContext: {default_company_id: this.company.id},
            }
        );
        const newPartner = await this.data.read("res.partner", record.config.resIds);
        return newPartner[0];
    },
});
