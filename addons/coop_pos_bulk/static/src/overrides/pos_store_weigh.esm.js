/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {CoopWeighDialog} from "@coop_pos_bulk/app/weigh_dialog.esm";
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {makeAwaitable} from "@point_of_sale/app/store/make_awaitable_dialog";
import {patch} from "@web/core/utils/patch";

patch(PosStore.prototype, {
    /** Goods sold by weight, at a coop's till without a connected scale:
     * the cashier types the weight and the container's tare (Odoo's scale
     * screen needs an IoT box). A weight from a barcode label, or a
     * quantity given by the caller, is kept as it is; any other till sells
     * as Odoo's does. */
    async addLineToOrder(vals, order, opts = {}, configure = true) {
        const product =
            typeof vals.product_id === "number"
                ? this.data.models["product.product"].get(vals.product_id)
                : vals.product_id;
        if (
            configure &&
            this.config.coop_member_till &&
            product?.to_weight &&
            !this.config.iface_electronic_scale &&
            vals.qty === undefined &&
            !opts.code
        ) {
            const qty = await makeAwaitable(this.env.services.dialog, CoopWeighDialog, {
                productName: product.display_name,
                uomName: product.uom_id?.name || "kg",
                uomRounding: product.uom_id?.rounding || 0.001,
                price: this.getProductPrice(product),
            });
            if (!qty) {
                return;
            }
            vals = {...vals, qty};
        }
        return await super.addLineToOrder(vals, order, opts, configure);
    },
});
