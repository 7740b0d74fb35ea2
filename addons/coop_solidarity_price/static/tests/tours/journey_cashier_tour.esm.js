import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PartnerList from "@point_of_sale/../tests/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// The demo cashier (login "caisse", in French) opens the demo till, finds
// the demo member Amina, sees her tier label and allowance, can't pick a
// pricelist, sells bread and is paid cash. The test checks the database.
registry.category("web_tour.tours").add("coop_solidarity_journey_cashier", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            {
                content: "only the épicerie's products: no furniture",
                trigger: ".product-list:not(:contains('Bureau')):not(:contains('Armoire'))",
            },
            ProductScreen.clickPartnerButton(),
            PartnerList.searchCustomerValue("Amina"),
            PartnerList.clickPartner("Amina Benali"),
            ProductScreen.customerIsSelected("Amina Benali"),
            {
                content: "the member's neutral tier label and allowance left",
                trigger: ".set-partner .coop-tier-badge:contains('Tarif B'):contains('€')",
            },
            ProductScreen.clickControlButtonMore(),
            {
                content: "no pricelist to pick in the actions",
                trigger: ".modal .control-buttons-modal:not(:has(.o_pricelist_button))",
            },
            {
                content: "close the actions",
                trigger: ".modal .btn-close",
                run: "click",
            },
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});
