/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {
    getTaxesAfterFiscalPosition,
    getTaxesValues,
} from "@point_of_sale/app/models/utils/tax_utils";
import {roundCurrency} from "@point_of_sale/app/models/utils/currency";

/**
 * What an order saves the member, as the server's fund ledger counts it
 * (coop.solidarity.entry._line_differences): per line, the reference price
 * minus the price paid, taxes included, each rounded to the cent. The
 * allowance at the till, the receipt and the backend agree on it.
 */
export function coopOrderAdvantage(order, referencePricelist) {
    let advantage = 0;
    for (const line of order.get_orderlines()) {
        if (!line.coopIsGoods()) {
            continue;
        }
        const product = line.get_product();
        const currency = line.currency;
        let taxes = line.tax_ids || product.taxes_id;
        if (order.fiscal_position_id) {
            taxes = getTaxesAfterFiscalPosition(taxes, order.fiscal_position_id, line.models);
        }
        const atReference = getTaxesValues(
            taxes,
            product.get_price(referencePricelist, 1),
            line.get_quantity(),
            product,
            line.config._product_default_values,
            line.company,
            currency
        ).total_included;
        const paid = line.get_all_prices().priceWithTax;
        advantage += roundCurrency(atReference, currency) - roundCurrency(paid, currency);
    }
    return roundCurrency(advantage, order.currency);
}
