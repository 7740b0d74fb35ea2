import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";
import {scan_barcode} from "@point_of_sale/../tests/tours/utils/common";

// The cashier scans a member card, sees the badge, sells a share and a product.
registry.category("web_tour.tours").add("coop_members_pos_member_sale", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            scan_barcode("0420000099994"),
            ProductScreen.customerIsSelected("Alice Martin"),
            {
                content: "the order shows the member number and status",
                trigger: ".set-partner .coop-member-badge.text-bg-success:contains('N° 09999')",
            },
            {
                content: "…as an active member",
                trigger: ".set-partner .coop-member-badge:contains('Active member')",
            },
            Dialog.isNot(),
            ProductScreen.addOrderline("Part A till", "2"),
            ProductScreen.addOrderline("Carottes des Flandres", "3"),
            ProductScreen.totalAmountIs("27.20"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.totalAmountContains("27.20"),
        ].flat(),
});

function dialogSays(text) {
    return {content: `dialog says ${text}`, trigger: `.modal-body:contains("${text}")`};
}

// A "members only" till: a non-member is warned at once and can't be sold
// groceries; selling shares without a customer is refused too.
registry.category("web_tour.tours").add("coop_members_pos_members_only", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            ProductScreen.addOrderline("Part A till", "1"),
            ProductScreen.clickPayButton(false),
            dialogSays("Choose the member before selling shares"),
            Dialog.confirm(),
            ProductScreen.isShown(),
            scan_barcode("0420000088882"),
            Dialog.is({title: "Not an active member"}),
            dialogSays("Bruno Dupont: Candidate"),
            Dialog.confirm(),
            ProductScreen.addOrderline("Carottes des Flandres", "1"),
            ProductScreen.clickPayButton(false),
            dialogSays("this till sells to members only"),
            Dialog.confirm(),
            ProductScreen.isShown(),
        ].flat(),
});

// The customer list: members and walk-in customers only (not a member's
// delivery address), and digits typed find the member number first.
registry.category("web_tour.tours").add("coop_members_pos_customer_list", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            ProductScreen.clickPartnerButton(),
            {
                content: "type two digits of a member number",
                trigger: ".modal-dialog .input-group input",
                run: "edit 99",
            },
            {
                content: "member 00099 comes first, before the other texts with 99",
                // Once the list is filtered (the administrator has no 99).
                trigger: ".modal .partner-list:not(:has(.partner-info:contains('Administrator')))",
                run() {
                    const names = [
                        ...document.querySelectorAll(".modal .partner-list .partner-info"),
                    ].map((row) => row.textContent.replace(/\s+/g, " ").trim().slice(0, 40));
                    if (!names[0].includes("Chloé Nonante")) {
                        throw new Error(`first of ${names.length}: ${names.slice(0, 5).join(" | ")}`);
                    }
                },
            },
            {
                content: "the other customers with 99 still follow",
                trigger: ".modal .partner-list .partner-info:eq(1)",
            },
            {
                content: "search Alice by name",
                trigger: ".modal-dialog .input-group input",
                run: "edit Alice",
            },
            {
                content: "her pickup point's address is no customer",
                trigger: ".modal .partner-list .partner-info:contains('Alice Martin')",
                run() {
                    const rows = [
                        ...document.querySelectorAll(".modal .partner-list .partner-info"),
                    ];
                    if (rows.some((row) => row.textContent.includes("Point de Fives"))) {
                        throw new Error("her pickup point's address is listed as a customer");
                    }
                },
            },
        ].flat(),
});

// A candidate buys her share at the till: once paid, she is an active member
// on the till at once (no reload), and it sells her groceries.
registry.category("web_tour.tours").add("coop_members_pos_candidate_joins", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm(),
            scan_barcode("0420000088882"),
            Dialog.is({title: "Not an active member"}),
            Dialog.confirm(),
            ProductScreen.addOrderline("Part A till", "1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.clickNextOrder(),
            scan_barcode("0420000088882"),
            ProductScreen.customerIsSelected("Bruno Dupont"),
            {
                content: "her badge says she is an active member now",
                trigger: ".set-partner .coop-member-badge.text-bg-success:contains('Active member')",
            },
            Dialog.isNot(),
            ProductScreen.addOrderline("Carottes des Flandres", "1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.isShown(),
        ].flat(),
});
