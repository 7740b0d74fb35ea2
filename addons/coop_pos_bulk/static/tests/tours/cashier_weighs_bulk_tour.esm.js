import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PartnerList from "@point_of_sale/../tests/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// Bulk at the till (login "caisse"): Amina's jar of lentils. A tare heavier
// than the jar full gives no net weight: nothing to add. Then 0,75 kg full,
// 0,25 kg of jar: 0,5 kg net on the order, paid cash.
registry.category("web_tour.tours").add("coop_pos_bulk_cashier_weighs", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            ProductScreen.clickPartnerButton(),
            PartnerList.searchCustomerValue("00033"),
            PartnerList.clickPartner("Amina Benali"),
            ProductScreen.customerIsSelected("Amina Benali"),
            ProductScreen.clickDisplayedProduct("Lentilles vertes du Nord, en vrac (au kg)"),
            {
                content: "in French, no weight yet: nothing to add",
                trigger:
                    ".modal:contains('Poids sur la balance'):contains('Tare du contenant') .coop-weigh-confirm:disabled",
            },
            {
                content: "a tare typed as the weight",
                trigger: ".modal .coop-weigh-gross",
                run: "edit 0,25",
            },
            {
                content: "the weight typed as the tare",
                trigger: ".modal .coop-weigh-tare",
                run: "edit 0,75",
            },
            {
                content: "no net weight: still nothing to add",
                trigger: ".modal .coop-weigh-net:contains('–')",
            },
            {
                trigger: ".modal .coop-weigh-confirm:disabled",
            },
            {
                content: "the jar, full, on the scale",
                trigger: ".modal .coop-weigh-gross",
                run: "edit 0,75",
            },
            {
                content: "the jar's tare, written on its label",
                trigger: ".modal .coop-weigh-tare",
                run: "edit 0,25",
            },
            {
                content: "half a kilo of lentils, net",
                trigger: ".modal .coop-weigh-net:contains('0,500')",
            },
            {
                content: "add it to the order",
                trigger: ".modal .coop-weigh-confirm:enabled",
                run: "click",
            },
            {
                content: "the line is the net weight",
                trigger: ".orderline:contains('Lentilles vertes') .qty:contains('0,50')",
            },
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});
