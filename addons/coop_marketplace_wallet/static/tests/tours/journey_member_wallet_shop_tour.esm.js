import * as tourUtils from "@website_sale/js/tours/tour_utils";
import {
    bookSlot,
    choosePickupPoint,
} from "@coop_marketplace/../tests/tours/checkout_steps.esm";
import {registry} from "@web/core/registry";

// The demo member (login "membre", on a phone, 25 € on her prepaid
// account) orders two kilos of carrots from the open cycle and pays them with her
// account: nothing left to pay, the order is confirmed. The test checks the
// order, her account and the fund on the server.
registry.category("web_tour.tours").add("coop_marketplace_wallet_journey_member", {
    steps: () => [
        {
            content: "open the carrots",
            trigger: ".oe_product_cart a:contains('Carottes (1 kg)')",
            run: "click",
        },
        {
            content: "add them to the basket",
            trigger: "#product_detail #add_to_cart",
            run: "click",
        },
        {
            content: "the basket counter follows",
            trigger: "sup.my_cart_quantity:contains(/^1$/)",
        },
        {
            content: "a second kilo",
            trigger: "#product_detail #add_to_cart",
            run: "click",
        },
        {
            content: "two kilos in the basket",
            trigger: "sup.my_cart_quantity:contains(/^2$/)",
        },
        tourUtils.goToCart({quantity: 2}),
        {
            content: "her account can pay the basket",
            trigger: "form[name='claim_reward']:contains('Vous avez') a.a-submit:contains('Payer avec mon porte-monnaie')",
            run: "click",
        },
        {
            content: "the basket is paid by her account",
            trigger: "#cart_products:contains('Payé avec le porte-monnaie')",
        },
        {
            content: "nothing left to pay",
            trigger: "#cart_total #order_total:contains('0,00')",
        },
        {
            content: "the total says what her account pays, not a negative subtotal",
            trigger: "#cart_total:has(#order_total_untaxed.d-none):has(#order_total_taxes.d-none) #coop_order_total_account:contains('Payé avec votre porte-monnaie')",
        },
        tourUtils.goToCheckout(),
        ...choosePickupPoint("Hellemmes"),
        tourUtils.confirmOrder(),
        ...bookSlot(),
        {
            content: "nothing left to pay: confirm the order",
            trigger: "form[name='o_wsale_confirm_order'] button[name='o_payment_submit_button']",
            run: "click",
        },
        {
            content: "the order's page",
            trigger: "#portal_sale_content, .o_portal_sale_sidebar",
        },
        {
            content: "the order's chatter is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});
