import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PartnerList from "@point_of_sale/../tests/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// Bulk at the till (login "caisse"): Amina brings her jar of lentils. The
// cashier weighs it full (0,75 kg), takes off the jar's tare (0,25 kg) and
// sells the 0,5 kg net at her tier's price per kg; paid cash. The test
// checks the line, the price and the fund on the server.
registry.category("web_tour.tours").add("coop_solidarity_journey_cashier_bulk", {
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
                content: "her price per kg; no weight yet, nothing to add",
                trigger: ".modal:contains('/ kg') .coop-weigh-confirm:disabled",
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
