import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import {registry} from "@web/core/registry";
import {scan_barcode} from "@point_of_sale/../tests/tours/utils/common";

// The demo till (login "caisse"): Sophie Lemaire, marked absent by her team
// leader, shows the alert and may shop; Laurent Caron, suspended, may not:
// the sale is refused with how he catches up.
registry.category("web_tour.tours").add("coop_shift_cashier_badge", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            scan_barcode("0420000000037"),
            ProductScreen.customerIsSelected("Sophie Lemaire"),
            {
                content: "her badge shows the alert, in French",
                trigger: ".set-partner .coop-shift-badge.text-bg-warning:contains('Créneaux : en alerte')",
            },
            scan_barcode("0420000000297"),
            ProductScreen.customerIsSelected("Laurent Caron"),
            {
                content: "his badge shows the suspension",
                trigger: ".set-partner .coop-shift-badge.text-bg-danger:contains('Créneaux : courses suspendues')",
            },
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickPayButton(false),
            {
                content: "the sale is refused, with how to catch up",
                trigger: ".modal-body:contains('ne peut pas faire ses courses'):contains('rattrapage')",
            },
            Dialog.confirm(),
            ProductScreen.isShown(),
        ].flat(),
});
