import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PartnerList from "@point_of_sale/../tests/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// The Arras épicerie's volunteer (login "caisse-arras", in French) opens
// the Arras till, finds the member Mehdi Haddad by his Arras member number
// (?coop_number=, from the server), sees him an active member with no
// tier (one price for all), sells two loaves and is paid cash. The receipt
// is the Arras épicerie's and shows no tier advantage.
registry.category("web_tour.tours").add("coop_network_journey_arras_cashier", {
    steps: () => {
        const number = new URL(window.location.href).searchParams.get("coop_number");
        return [
            Chrome.startPoS(),
            Dialog.confirm(),
            ProductScreen.clickPartnerButton(),
            PartnerList.searchCustomerValue(number),
            {
                content: "his Arras member number finds him alone",
                trigger: `.modal .partner-list:has(.partner-info:contains('Mehdi Haddad')):not(:has(.partner-info:not(:contains('Mehdi Haddad'))))`,
            },
            PartnerList.clickPartner("Mehdi Haddad"),
            ProductScreen.customerIsSelected("Mehdi Haddad"),
            {
                content: "his Arras number and state",
                trigger: `.set-partner .coop-member-badge:contains('${number}'):contains('Membre actif')`,
            },
            {
                content: "one price for all: no tier, no allowance to count",
                trigger: ".set-partner:contains('Mehdi Haddad'):not(:has(.coop-tier-badge))",
            },
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the Arras épicerie's receipt",
                trigger: ".pos-receipt:contains('Épicerie coopérative Arrageoise')",
            },
            {
                content: "one price for all: no advantage on the receipt",
                trigger: ".pos-receipt:not(:has(.coop-receipt-advantage))",
            },
        ].flat();
    },
});
