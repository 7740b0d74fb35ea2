import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PartnerList from "@point_of_sale/../tests/tours/utils/partner_list_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import {registry} from "@web/core/registry";

// The demo cashier (login "caisse", in French) opens the demo till, finds
// the demo member Amina by her member number, sees her tier label and
// allowance, can't pick a pricelist, sells bread and a beer (alcohol: at the
// reference price) and is paid cash. The receipt shows what her tier saved
// her, and her allowance goes down by exactly that: the test passes the
// amount the server's definition gives (?coop_advantage=) and checks the
// database.
function parseAmount(text) {
    // "Tarif B · 57,23 €" -> 57.23
    const match = text.replace(/\s/g, "").match(/(-?[\d.]+,\d{2})/);
    return match ? parseFloat(match[1].replace(/\./g, "").replace(",", ".")) : NaN;
}

function findMemberByNumber() {
    return [
        ProductScreen.clickPartnerButton(),
        PartnerList.searchCustomerValue("00033"),
        {
            content: "her member number finds her alone",
            trigger:
                ".modal .partner-list:has(.partner-info:contains('Amina Benali')):not(:has(.partner-info:not(:contains('Amina Benali'))))",
        },
        PartnerList.clickPartner("Amina Benali"),
        ProductScreen.customerIsSelected("Amina Benali"),
    ];
}

registry.category("web_tour.tours").add("coop_solidarity_journey_cashier", {
    steps: () => {
        const expected = new URL(window.location.href).searchParams.get("coop_advantage");
        const seen = {};
        return [
            Chrome.startPoS(),
            Dialog.confirm(),
            {
                content: "only the épicerie's products: no furniture",
                trigger: ".product-list:not(:contains('Bureau')):not(:contains('Armoire'))",
            },
            ...findMemberByNumber(),
            {
                content: "the member's neutral tier label and allowance left",
                trigger: ".set-partner .coop-tier-badge:contains('Tarif B'):contains('€')",
                run() {
                    seen.before = parseAmount(this.anchor.textContent);
                },
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
            ProductScreen.clickDisplayedProduct("Pain de campagne au levain (800 g)"),
            ProductScreen.clickDisplayedProduct("Bière blonde brassée à Lille (33 cl)"),
            {
                content: "the cashier can't type a price: her tier gives it (price control)",
                trigger: ".numpad button.numpad-price:disabled",
            },
            {
                content: "her number, state, tier and allowance stay in sight while selling",
                trigger: ".set-partner .coop-member-badge:contains('00033')",
                run() {
                    const button = this.anchor.closest(".set-partner");
                    const box = button.getBoundingClientRect();
                    const badges = button.querySelectorAll(".coop-member-badge, .coop-tier-badge");
                    if (badges.length !== 2) {
                        throw new Error(`${badges.length} badges on the customer button`);
                    }
                    for (const badge of badges) {
                        const rect = badge.getBoundingClientRect();
                        if (
                            !rect.width ||
                            rect.left < box.left - 1 ||
                            rect.right > box.right + 1 ||
                            rect.bottom > box.bottom + 1
                        ) {
                            throw new Error(`badge cut off: ${badge.textContent.trim()}`);
                        }
                    }
                },
            },
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt shows what her tier saved her",
                trigger: `.pos-receipt .coop-receipt-advantage:contains('${expected}')`,
            },
            {
                content: "one figure: Odoo's discount line doesn't count the tier again",
                trigger: ".pos-receipt:not(:contains('Remises'))",
            },
            ReceiptScreen.clickNextOrder(),
            ...findMemberByNumber(),
            {
                content: "her allowance went down by what the receipt says",
                trigger: ".set-partner .coop-tier-badge:contains('Tarif B')",
                run() {
                    const after = parseAmount(this.anchor.textContent);
                    const advantage = parseAmount(expected + " €");
                    if (Math.abs(seen.before - advantage - after) > 0.001) {
                        throw new Error(
                            `allowance ${seen.before} - ${advantage} != ${after} at the till`
                        );
                    }
                },
            },
        ].flat();
    },
});
