import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// The cashier opens the till, sells one product, takes cash and validates.
registry.category("web_tour.tours").add("coop_members_pos_smoke", {
    steps: () =>
        [
            Chrome.startPoS(),
            // Opening control: confirm the (empty) opening cash.
            Dialog.confirm(),
            ProductScreen.addOrderline("Tarte au sucre", "2"),
            ProductScreen.totalAmountIs("13.00"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.totalAmountContains("13.00"),
        ].flat(),
});
