/** @odoo-module */
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {_t} from "@web/core/l10n/translation";

// Labels and colours of the membership states, as the till shows them.
export function memberStateLabel(state) {
    return (
        {
            candidate: _t("Candidate"),
            active: _t("Active member"),
            suspended: _t("Suspended"),
            resigned: _t("Resigned"),
            excluded: _t("Excluded"),
        }[state] || _t("Not a member")
    );
}

export function memberStateClass(state) {
    return (
        {
            candidate: "text-bg-info",
            active: "text-bg-success",
            suspended: "text-bg-warning",
            resigned: "text-bg-secondary",
            excluded: "text-bg-danger",
        }[state] || "text-bg-light border"
    );
}
