/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {Component, useState} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";
import {parseFloat as parseNumber} from "@web/views/fields/parsers";
import {formatFloat, roundPrecision} from "@web/core/utils/numbers";

/**
 * Goods sold by weight (bulk, "vrac") at a till without a connected scale:
 * the cashier types the weight the scale shows, full, and the container's
 * tare (the member's jar, weighed empty or read on its label); the line is
 * the net weight at the member's price per kg. With a scale connected
 * (IoT box), Odoo's own scale screen does this.
 */
export class CoopWeighDialog extends Component {
    static template = "coop_pos_bulk.CoopWeighDialog";
    static components = {Dialog};
    static props = {
        productName: String,
        uomName: String,
        uomRounding: Number,
        price: Number,
        getPayload: Function,
        close: Function,
    };

    setup() {
        this.state = useState({gross: "", tare: ""});
    }

    _kg(text) {
        if (!text) {
            return 0;
        }
        try {
            return parseNumber(text);
        } catch {
            return NaN;
        }
    }

    get net() {
        return roundPrecision(
            this._kg(this.state.gross) - this._kg(this.state.tare),
            this.props.uomRounding
        );
    }

    get isValid() {
        return Number.isFinite(this.net) && this.net > 0;
    }

    get netText() {
        return this.isValid ? formatFloat(this.net, {digits: [69, 3]}) : "–";
    }

    get total() {
        return this.env.utils.formatCurrency(this.isValid ? this.net * this.props.price : 0);
    }

    get priceText() {
        return this.env.utils.formatCurrency(this.props.price);
    }

    confirm() {
        if (!this.isValid) {
            return;
        }
        this.props.getPayload(this.net);
        this.props.close();
    }
}
