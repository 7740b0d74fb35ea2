import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import * as PartnerList from "@point_of_sale/../tests/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// The prepaid account at the till (login "caisse", in French): Amina tops
// up her account with 20 € and gives 2 € to the solidarity fund, paid cash;
// then she buys two loaves at her tier's price and pays them with her
// account. The test checks the balance, the fund and the accounts on the
// server.
function findAmina() {
    return [
        ProductScreen.clickPartnerButton(),
        PartnerList.searchCustomerValue("00033"),
        PartnerList.clickPartner("Amina Benali"),
        ProductScreen.customerIsSelected("Amina Benali"),
    ];
}

registry.category("web_tour.tours").add("coop_wallet_journey_cashier", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            ...findAmina(),
            ProductScreen.clickDisplayedProduct("Recharge porte-monnaie 20 €"),
            {
                content: "the top-up is 20 €, whatever her tier",
                trigger: ".orderline:contains('Recharge porte-monnaie 20 €') .price:contains('20,00')",
            },
            ProductScreen.clickDisplayedProduct("Don au fonds de solidarité (1 €)"),
            ProductScreen.clickDisplayedProduct("Don au fonds de solidarité (1 €)"),
            Order.hasTotal("22,00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.clickNextOrder(),
            ...findAmina(),
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickControlButtonMore(),
            {
                content: "her account can pay",
                trigger: ".control-buttons button.highlight:contains('Payer avec le porte-monnaie')",
                run: "click",
            },
            Order.hasTotal("0,00"),
            ProductScreen.clickPayButton(),
            {
                content: "her account pays it all: nothing to choose, and no \"-0,00 €\"",
                trigger: ".coop-paid-by-account:contains('Payée avec le porte-monnaie')",
                run() {
                    const due = document.querySelector(".payment-screen .total").textContent;
                    if (due.includes("-")) {
                        throw new Error(`the amount due reads ${due}`);
                    }
                },
            },
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt: the account is a payment, VAT on the goods",
                trigger: ".pos-receipt .paymentlines:contains('Porte-monnaie')",
                run() {
                    const receipt = document.querySelector(".pos-receipt").textContent;
                    if (receipt.includes("-0,") || /Montant hors taxes\s*-/.test(receipt)) {
                        throw new Error(`the receipt shows a negative amount: ${receipt}`);
                    }
                },
            },
        ].flat(),
});
