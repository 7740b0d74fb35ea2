import * as tourUtils from "@website_sale/js/tours/tour_utils";
import {
    bookSlotAndPayAtPickup,
    choosePickupPoint,
    openNewestOrder,
} from "@coop_marketplace/../tests/tours/checkout_steps.esm";
import {registry} from "@web/core/registry";

// The demo member (login "membre", on a phone) orders from two producers of
// the demo's open cycle, collects at a pickup point in a slot and pays at
// pickup; then finds the order in her account. The test checks the database.
function addProduct(name) {
    return [
        {
            content: `open ${name} from the shop`,
            trigger: `.oe_product_cart a:contains('${name}')`,
            run: "click",
        },
        {
            content: "the product page shows its farm",
            trigger: ".o_coop_product_producer_block",
        },
        {
            content: `add ${name} to the basket`,
            trigger: "#product_detail #add_to_cart",
            run: "click",
        },
        {
            content: "the basket counter follows",
            trigger: `sup.my_cart_quantity:not(:contains(/^0$/))`,
        },
    ];
}

registry.category("web_tour.tours").add("coop_marketplace_journey_member", {
    steps: () => [
        {
            content: "the shop says until when one can order, and when pickup is",
            trigger: ".o_coop_cycle_banner:contains('Retrait')",
        },
        ...addProduct("Carottes (1 kg)"),
        {
            content: "look for apples in the shop",
            trigger: "body",
            run: "goToUrl /shop?search=Jonagold",
        },
        ...addProduct("Pommes Jonagold (1 kg)"),
        tourUtils.goToCart({quantity: 2}),
        tourUtils.goToCheckout(),
        // The selector speaks French.
        ...choosePickupPoint("Hellemmes", {selectorText: "Choisir un point d'enlèvement"}),
        tourUtils.confirmOrder(),
        ...bookSlotAndPayAtPickup(),
        ...openNewestOrder(),
        {
            content: "the order page shows the pickup slot",
            trigger: "#coop_pickup_info .o_coop_portal_slot:contains('Hellemmes')",
        },
        {
            content: "the order's chatter is loaded",
            trigger: "#chatterRoot:shadow .o-mail-Chatter",
        },
    ],
});
