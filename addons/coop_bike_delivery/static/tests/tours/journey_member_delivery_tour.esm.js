import * as tourUtils from "@website_sale/js/tours/tour_utils";
import {
    addToBasket,
    openNewestOrder,
} from "@coop_marketplace/../tests/tours/checkout_steps.esm";
import {registry} from "@web/core/registry";

// The demo member (login "membre", on a phone, 12 rue Gambetta in Lille)
// has her basket delivered by bike: the fee is shown before she chooses, a
// delivery slot and a word for the courier, paid online. The test checks
// the database.
registry.category("web_tour.tours").add("coop_bike_delivery_journey_member", {
    steps: () => [
        ...addToBasket("Carottes (1 kg)"),
        tourUtils.goToCart({quantity: 1}),
        tourUtils.goToCheckout(),
        {
            content: "her home is the delivery address from the start, not her last pickup point",
            trigger: "#delivery_address_row .card.bg-primary:contains('12 rue Gambetta')",
        },
        {
            content: "…and the only one offered: no copy of a pickup point",
            trigger: "#delivery_address_row:not(:contains('Pierre Legrand'))",
        },
        {
            content: "the bike's fee is shown, taxes included, before choosing",
            trigger:
                "li[name='o_delivery_method']:contains('Livraison à vélo') .o_wsale_delivery_price_badge:contains('4,80')",
        },
        {
            content: "choose the bike",
            trigger: "input[name='o_delivery_radio'][data-delivery-type='coop_bike']",
            run: "click",
        },
        tourUtils.confirmOrder(),
        {
            content: "the slot step is about a delivery, at her address",
            trigger: "h3:contains('Choisissez votre créneau de livraison')",
        },
        {
            content: "her address",
            trigger: ".o_coop_delivery_address:contains('12 rue Gambetta')",
        },
        {
            content: "choose a delivery slot with places left",
            trigger: ".o_coop_slot_form input[name='slot_id']:not(:disabled)",
            run: "click",
        },
        {
            content: "a word for the courier",
            trigger: "input[name='delivery_notes']",
            run: "edit Sonnez chez Benali, 3e étage",
        },
        {
            content: "confirm the slot",
            trigger: "button[name='o_coop_slot_submit']",
            run: "click",
        },
        {
            content: "no pay-at-pickup for a delivery: the demo provider",
            trigger: "input[name='o_payment_radio'][data-payment-method-code='demo']",
            run: "click",
        },
        {
            content: "a card number",
            trigger: "input[name='customer_input']",
            run: "edit 4242424242424242",
        },
        {
            content: "pay",
            trigger: "button[name='o_payment_submit_button']:not(:disabled)",
            run: "click",
        },
        {
            content: "the order is confirmed",
            trigger: ".oe_website_sale_tx_status",
        },
        ...openNewestOrder(),
        {
            content: "the order page shows the delivery slot and the word",
            trigger:
                ".o_coop_portal_delivery:contains('Livraison à domicile'):contains('Sonnez chez Benali')",
        },
        {
            content: "the order's chatter is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});
