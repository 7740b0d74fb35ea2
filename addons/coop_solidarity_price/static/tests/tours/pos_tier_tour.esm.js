import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";
import {scan_barcode} from "@point_of_sale/../tests/tours/utils/common";

// The cashier scans the member's card: the tier prices appear by themselves,
// under a neutral label, with the allowance left this month.
registry.category("web_tour.tours").add("coop_solidarity_pos_tier", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            scan_barcode("0420000077770"),
            ProductScreen.customerIsSelected("Alice Martin"),
            {
                content: "the neutral label and the allowance left",
                trigger: ".set-partner .coop-tier-badge:contains('Tarif T1'):contains('allowance left 30.00')",
            },
            ProductScreen.addOrderline("Pain test", "1", undefined, "1.70"),
            ProductScreen.addOrderline("Pommes test", "1", undefined, "0.95"),
            ProductScreen.addOrderline("Bière test", "1", undefined, "2.90"),
            ProductScreen.totalAmountIs("5.55"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt does not label the customer",
                trigger: ".pos-receipt:not(:contains('olidar'))",
            },
            // Next customer, the same member again: the allowance left went
            // down by this order's advantage (2.50 + 1.42) without a reload.
            ReceiptScreen.clickNextOrder(),
            scan_barcode("0420000077770"),
            ProductScreen.customerIsSelected("Alice Martin"),
            {
                content: "the allowance left after the first order",
                trigger: ".set-partner .coop-tier-badge:contains('Tarif T1'):contains('26.08')",
            },
        ].flat(),
});

// Past the monthly allowance, the order switches to the reference prices.
registry.category("web_tour.tours").add("coop_solidarity_pos_cap", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            scan_barcode("0420000077770"),
            ProductScreen.customerIsSelected("Alice Martin"),
            ProductScreen.addOrderline("Pain test", "13", undefined, "22.10"),
            ProductScreen.clickPayButton(false),
            Dialog.is({title: "Monthly allowance used up"}),
            Dialog.confirm(),
            ProductScreen.totalAmountIs("54.60"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});
