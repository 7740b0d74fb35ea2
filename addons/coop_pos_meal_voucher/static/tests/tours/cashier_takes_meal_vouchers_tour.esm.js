import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// Titres-restaurant at the till (login "caisse"): a bread (4,43 €) and a
// beer (3,48 €). The vouchers take the bread only, the cashier reads why;
// 10 € typed by hand is refused at validation; the beer is paid cash.
registry.category("web_tour.tours").add("coop_pos_meal_voucher_cashier", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickDisplayedProduct("Bière blonde brassée à Lille (33 cl)"),
            ProductScreen.clickPayButton(),
            PaymentScreen.totalIs("7,91"),
            PaymentScreen.clickPaymentMethod("Titres-restaurant"),
            {
                content: "the vouchers take the food only: the bread",
                trigger: ".paymentline.selected:contains('Titres-restaurant'):contains('4,43')",
            },
            {
                content: "the cashier reads why, in French",
                trigger: ".o_notification:contains('uniquement les produits alimentaires')",
            },
            PaymentScreen.remainingIs("3,48"),
            // 10 € typed on the vouchers' line: the beer too, and change.
            PaymentScreen.enterPaymentLineAmount("Titres-restaurant", "10"),
            PaymentScreen.changeIs("2,09"),
            PaymentScreen.clickValidate(),
            {
                content: "refused before the order leaves the till",
                trigger: ".modal:contains('Titres-restaurant'):contains('uniquement les produits alimentaires')",
            },
            Dialog.confirm(),
            PaymentScreen.clickPaymentlineDelButton("Titres-restaurant", "10,00"),
            PaymentScreen.clickPaymentMethod("Titres-restaurant"),
            PaymentScreen.selectedPaymentlineHas("Titres-restaurant", "4,43"),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.selectedPaymentlineHas("Espèces", "3,48"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});
